using NicConsole.Web.Api;

namespace NicConsole.Tests.Web.Api;

public class IaasParametersTests
{
    [Fact]
    public void ReadsListsInNumericOrderAfterAScalar()
    {
        var parameters = IaasParameters.Parse("status=available&status.2=b&status.10=c&status.1=a&status.x=no&status.0=no&status.3=");

        parameters.List("status").ShouldBe(["available", "a", "b", "c"]);
    }

    [Fact]
    public void TreatsBlankValuesAsNotGiven()
    {
        var parameters = IaasParameters.Parse("nic_name=&limit=20&vxnet_type");

        parameters.Optional("nic_name").ShouldBeNull();
        parameters.Optional("vxnet_type").ShouldBeNull();
        parameters.Int("limit", 0).ShouldBe(20);
        parameters.Int("offset", 7).ShouldBe(7);
        parameters.List("nic_name").ShouldBeEmpty();
    }

    [Fact]
    public void RefusesARepeatedName()
    {
        var error = Should.Throw<IaasException>(() => IaasParameters.Parse("nics.1=a&nics.1=b")).Error;

        error.Code.ShouldBe(RetCode.InvalidParameter);
        error.ApiMessage.ShouldContain("nics.1");
    }

    [Fact]
    public void RefusesAMissingRequiredValueAndABadInteger()
    {
        var parameters = IaasParameters.Parse("vxnet=&count=two");

        Should.Throw<IaasException>(() => parameters.Required("vxnet")).Error.Code.ShouldBe(RetCode.InvalidParameter);
        Should.Throw<IaasException>(() => parameters.Int("count", 1)).Error.ApiMessage.ShouldContain("two");
    }

    [Fact]
    public void DecodesPlusAsSpaceAndUtf8Escapes() =>
        IaasParameters.Parse("nic_name=%E7%BD%91%E5%8D%A1+1").Optional("nic_name").ShouldBe("网卡 1");
}
