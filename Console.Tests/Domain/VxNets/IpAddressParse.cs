namespace NicConsole.Tests.Domain.VxNets;

public class IpAddressParse
{
    [Theory]
    [InlineData("172.16.1.100", 0xAC100164u)]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    public void ReadsDottedQuads(string text, uint value)
    {
        IpAddress.TryParse(text, out var ip).ShouldBeTrue();

        ip.Value.ShouldBe(value);
        ip.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("172.16.1")]
    [InlineData("172.16.1.256")]
    [InlineData("172.016.1.1")]
    [InlineData("1")]
    [InlineData("::1")]
    [InlineData("172.16.1.1 ")]
    [InlineData("abc")]
    public void RefusesAnythingElse(string text) => IpAddress.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void SortsNumericallyNotAsText() =>
        IpAddress.Parse("172.16.1.100").CompareTo(IpAddress.Parse("172.16.1.20")).ShouldBePositive();
}
