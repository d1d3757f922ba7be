namespace NicConsole.Tests.Domain.VxNets;

public class CidrParse
{
    [Fact]
    public void KnowsItsAddresses()
    {
        var cidr = Cidr.Parse("172.16.1.0/24");

        cidr.First.ToString().ShouldBe("172.16.1.0");
        cidr.Broadcast.ToString().ShouldBe("172.16.1.255");
        cidr.Mask.ToString().ShouldBe("255.255.255.0");
        cidr.Host(100).ToString().ShouldBe("172.16.1.100");
        cidr.Contains(IpAddress.Parse("172.16.1.254")).ShouldBeTrue();
        cidr.Contains(IpAddress.Parse("172.16.2.1")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("172.16.1.5/24")]
    [InlineData("172.16.1.0")]
    [InlineData("172.16.1.0/33")]
    [InlineData("fe80::/64")]
    [InlineData("172.16.1.0/024")]
    public void RefusesMisalignedOrMalformedNetworks(string text) => Cidr.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void ContainsAndOverlapsOtherNetworks()
    {
        var vpc = Cidr.Parse("172.16.0.0/16");

        vpc.Contains(Cidr.Parse("172.16.9.0/24")).ShouldBeTrue();
        vpc.Contains(Cidr.Parse("172.17.0.0/24")).ShouldBeFalse();
        Cidr.Parse("172.16.1.0/24").Overlaps(Cidr.Parse("172.16.0.0/23")).ShouldBeTrue();
        Cidr.Parse("172.16.1.0/24").Overlaps(Cidr.Parse("172.16.2.0/24")).ShouldBeFalse();
    }
}
