namespace NicConsole.Tests.Domain.Nics;

public class MacAddressParse
{
    [Fact]
    public void NewAddressesStartWith5254AndAreLowerCase()
    {
        var macs = Enumerable.Range(0, 200).Select(_ => MacAddress.NewRandom().Value).ToList();

        macs.ShouldAllBe(m => System.Text.RegularExpressions.Regex.IsMatch(m, "^52:54(:[0-9a-f]{2}){4}$"));
        macs.Distinct().Count().ShouldBeGreaterThan(195);
    }

    [Fact]
    public void MatchesCaseInsensitively()
    {
        MacAddress.TryParse("52:54:AB:CD:EF:01", out var mac).ShouldBeTrue();

        mac.Value.ShouldBe("52:54:ab:cd:ef:01");
    }

    [Theory]
    [InlineData("52-54-ab-cd-ef-01")]
    [InlineData("5254abcdef01")]
    [InlineData("52:54:ab:cd:ef")]
    [InlineData("nic-12345678")]
    public void RefusesOtherForms(string text) => MacAddress.TryParse(text, out _).ShouldBeFalse();
}
