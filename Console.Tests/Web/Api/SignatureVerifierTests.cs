using NicConsole.Web.Api;

namespace NicConsole.Tests.Web.Api;

public class SignatureVerifierTests
{
    private const string DocsQuery =
        "access_key_id=QYACCESSKEYIDEXAMPLE&action=RunInstances&count=1&image_id=centos64x86a&instance_name=demo&instance_type=small_b" +
        "&login_mode=passwd&login_passwd=QingCloud20130712&signature_method=HmacSHA256&signature_version=1" +
        "&time_stamp=2013-08-27T14%3A30%3A10Z&version=1&vxnets.1=vxnet-0&zone=pek3a";

    [Fact]
    public void ReproducesTheDocumentedTestVector()
    {
        var shuffled = string.Join('&', DocsQuery.Split('&').Reverse()) + "&signature=byjccvWIvAftaq%2BoublemagH3bYAlDWxxLFAzAsyslw%3D";
        var parameters = IaasParameters.Parse(shuffled);

        var stringToSign = SignatureVerifier.StringToSign("GET", "/iaas/", parameters.Raw);
        var signature = SignatureVerifier.Sign("SECRETACCESSKEY", SignatureVerifier.Sha256, stringToSign);

        stringToSign.ShouldBe("GET\n/iaas/\n" + DocsQuery);
        signature.ShouldBe("byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=");
        SignatureVerifier.Matches(signature, parameters.Optional("signature")!).ShouldBeTrue();
    }

    [Fact]
    public void SortsNamesOrdinallySoNics10ComesBeforeNics2()
    {
        var parameters = IaasParameters.Parse("nics.2=b&nics.10=c&nics.1=a&Zone=x");

        SignatureVerifier.StringToSign("GET", "/iaas", parameters.Raw).ShouldBe("GET\n/iaas\nZone=x&nics.1=a&nics.10=c&nics.2=b");
    }

    [Fact]
    public void KeepsBlankValuesAndBareNamesAsTheyArrived()
    {
        var parameters = IaasParameters.Parse("nic_name=&owner&limit=20");

        SignatureVerifier.StringToSign("GET", "/iaas/", parameters.Raw).ShouldBe("GET\n/iaas/\nlimit=20&nic_name=&owner");
    }

    [Fact]
    public void EncodesPerRfc3986WithUpperCaseHexAndPercent20()
    {
        var parameters = IaasParameters.Parse("nic_name=a+b%2Fc%E7%BD%91~&t=2013-08-27T14%3A30%3A10Z");

        SignatureVerifier.StringToSign("POST", "/iaas/", parameters.Raw).ShouldBe("POST\n/iaas/\nnic_name=a%20b%2Fc%E7%BD%91~&t=2013-08-27T14%3A30%3A10Z");
    }

    [Fact]
    public void AcceptsHmacSha1()
    {
        var signature = SignatureVerifier.Sign("SECRETACCESSKEY", SignatureVerifier.Sha1, "GET\n/iaas/\n" + DocsQuery);

        Convert.FromBase64String(signature).Length.ShouldBe(20);
        signature.ShouldNotBe(SignatureVerifier.Sign("SECRETACCESSKEY", SignatureVerifier.Sha256, "GET\n/iaas/\n" + DocsQuery));
    }

    [Fact]
    public void AQueryPlusThatBecameASpaceStillMatches()
    {
        SignatureVerifier.Matches("ab+c=", "ab c=").ShouldBeTrue();
        SignatureVerifier.Matches("ab+c=", "ab+d=").ShouldBeFalse();
        SignatureVerifier.Matches("ab+c=", "ab+c").ShouldBeFalse();
    }
}
