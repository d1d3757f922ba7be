namespace NicConsole.Tests.Domain.VxNets;

public class AddressPlanRoles
{
    private readonly AddressPlan _plan = AddressPlan.For(Cidr.Parse("172.16.1.0/24"));

    [Theory]
    [InlineData("172.16.1.0", AddressRole.Network)]
    [InlineData("172.16.1.1", AddressRole.Gateway)]
    [InlineData("172.16.1.2", AddressRole.Assignable)]
    [InlineData("172.16.1.253", AddressRole.Assignable)]
    [InlineData("172.16.1.254", AddressRole.Platform)]
    [InlineData("172.16.1.255", AddressRole.Broadcast)]
    [InlineData("172.16.2.10", AddressRole.Outside)]
    public void GivesEachAddressItsRole(string ip, AddressRole role) => _plan.RoleOf(IpAddress.Parse(ip)).ShouldBe(role);

    [Fact]
    public void Has252AssignableAddresses() => _plan.Assignable().Count().ShouldBe(Limits.NicsPerVxNet);

    [Fact]
    public void MovingTheGatewayKeepsFourReserved()
    {
        var plan = _plan with { Gateway = IpAddress.Parse("172.16.1.10") };

        plan.Assignable().Count().ShouldBe(252);
        plan.RoleOf(IpAddress.Parse("172.16.1.1")).ShouldBe(AddressRole.Assignable);
        plan.RoleOf(IpAddress.Parse("172.16.1.10")).ShouldBe(AddressRole.Gateway);
    }

    [Fact]
    public void AllocatesTheLowestFreeAddresses()
    {
        var used = new HashSet<IpAddress> { IpAddress.Parse("172.16.1.2"), IpAddress.Parse("172.16.1.4") };

        _plan.LowestFree(used, 3).Select(a => a.ToString()).ShouldBe(["172.16.1.3", "172.16.1.5", "172.16.1.6"]);
    }
}
