namespace NicConsole.Tests.Web.Api;

/// <summary>Every error code the contract lists, each from a real request; a refused request changes nothing.</summary>
public class IaasErrorsTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private IaasClient _api = null!;
    private IaasScene _scene = null!;

    public async Task InitializeAsync()
    {
        _api = await factory.ClientForNewKeyAsync();
        _scene ??= await IaasScene.BuildAsync(_api);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("CreateNics")]
    [InlineData("AttachNics")]
    [InlineData("JoinRouter")]
    [InlineData("DescribeVxnetInstances")]
    [InlineData("ModifyNicAttributes")]
    public async Task AMissingRequiredParameterIs1100(string action) =>
        await RefusedUnchangedAsync(1100, action);

    [Fact]
    public async Task AnUnknownActionOrZoneOrBadIntegerIs1100()
    {
        (await RefusedUnchangedAsync(1100, "DescribeEverything")).Str("message").ShouldStartWith("InvalidParameter, ");
        _api.Zone = "mars1";
        await RefusedUnchangedAsync(1100, "DescribeNics");
        _api.Zone = "pek3a";
        await RefusedUnchangedAsync(1100, "DescribeNics", ("limit", "ten"));
        await RefusedUnchangedAsync(1100, "DescribeNics", ("offset", "-1"));
        await RefusedUnchangedAsync(1100, "DescribeNics", ("status", "broken"));
        await RefusedUnchangedAsync(1100, "DescribeJobs", ("status.1", "done"));
    }

    [Theory]
    [InlineData("172.16.1")]
    [InlineData("172.16.1.300")]
    [InlineData("172.16.2.5")]
    [InlineData("172.16.1.255")]
    [InlineData("172.16.1.1")]
    public async Task ABadOrReservedIpIs1100(string ip) =>
        await RefusedUnchangedAsync(1100, "CreateNics", ("vxnet", _scene.Vxnet), ("private_ips.1", ip));

    [Fact]
    public async Task ARefusedRouterChangeLeavesTheDhcpRangeAlone() =>
        await RefusedUnchangedAsync(1100, "ModifyRouterAttributes", ("router", _scene.Router), ("vxnet", _scene.Vxnet),
            ("dyn_ip_start", "172.16.1.10"), ("router_name", new string('r', 65)));

    [Fact]
    public async Task ABadCidrIs1100()
    {
        var vxnet = (await _api.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();

        await RefusedUnchangedAsync(1100, "JoinRouter", ("vxnet", vxnet), ("router", _scene.Router), ("ip_network", "172.16.9.5/24"));
        await RefusedUnchangedAsync(1100, "JoinRouter", ("vxnet", vxnet), ("router", _scene.Router), ("ip_network", "10.0.0.0/24"));
        await RefusedUnchangedAsync(1100, "CreateRouters", ("vpc_network", "10.0.0.0/16"));
    }

    [Fact]
    public async Task RepeatedIdsOrListIndexesAre1100()
    {
        var nic = (await _scene.NicsAsync(_api))[0];

        await RefusedUnchangedAsync(1100, "AttachNics", ("instance", _scene.Running), ("nics.1", nic), ("nics.2", nic));
        var raw = await _api.RawAsync(HttpMethod.Get, "DescribeNics", [("nics.1", nic)]);
        var query = raw.RequestMessage!.RequestUri!.Query;
        var repeated = await factory.CreateClient().GetStringAsync("/iaas/" + query + "&nics.1=" + Uri.EscapeDataString(nic));
        repeated.ShouldContain("\"ret_code\":1100");
    }

    [Fact]
    public async Task ABadSignatureIs1200()
    {
        _api.SignatureOverride = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

        (await RefusedUnchangedAsync(1200, "CreateNics", ("vxnet", _scene.Vxnet))).Str("message").ShouldStartWith("AuthFailure, ");
    }

    [Fact]
    public async Task AnUnknownOrRevokedKeyIs1200()
    {
        var stranger = new IaasClient(factory.CreateClient(), "NCUNKNOWNKEY00000000", "secret");
        (await stranger.CallAsync("DescribeNics")).Refused(1200);

        var revoked = await factory.ClientForNewKeyAsync();
        (await factory.Services.GetRequiredService<NicConsole.Domain.AccessKeys.AccessKeyService>().RevokeAsync(OperationContext.System("tests", "pek3a"), revoked.KeyId)).Ok();
        (await revoked.CallAsync("DescribeNics")).Refused(1200);
    }

    [Fact]
    public async Task AMissingSignatureOrUnsupportedMethodIs1200()
    {
        var http = factory.CreateClient();

        (await http.GetStringAsync($"/iaas/?action=DescribeNics&zone=pek3a&access_key_id={_api.KeyId}")).ShouldContain("\"ret_code\":1200");
        (await http.GetStringAsync($"/iaas/?action=DescribeNics&zone=pek3a&access_key_id={_api.KeyId}&signature_method=HmacMD5&signature_version=1&signature=x"))
            .ShouldContain("\"ret_code\":1200");
    }

    [Fact]
    public async Task AnOldTimeStampOrAPastExpiryIs1300()
    {
        _api.Now = DateTime.UtcNow.AddMinutes(-10);
        (await RefusedUnchangedAsync(1300, "CreateNics", ("vxnet", _scene.Vxnet))).Str("message").ShouldStartWith("RequestExpired, ");

        _api.Now = DateTime.UtcNow.AddMinutes(-30);
        _api.Shape = IaasClient.Style.Cli;
        await RefusedUnchangedAsync(1300, "CreateNics", ("vxnet", _scene.Vxnet));
    }

    [Fact]
    public async Task AnExpiryInTheFutureAllowsAnOldTimeStamp()
    {
        _api.Shape = IaasClient.Style.Cli;
        _api.Now = DateTime.UtcNow.AddMinutes(-10);

        (await _api.CallAsync("DescribeNics")).Succeeded();
    }

    [Fact]
    public async Task AMalformedTimeStampIs1100()
    {
        _api.TimeStampOverride = "2026-11-27 10:00:00";

        await RefusedUnchangedAsync(1100, "CreateNics", ("vxnet", _scene.Vxnet));
    }

    [Fact]
    public async Task AWrongStateIs1400()
    {
        var nics = await _scene.NicsAsync(_api, 2);
        await _scene.AttachAsync(_api, _scene.Running, [nics[0]]);
        var primary = (await _api.CallAsync("DescribeNics", ("instances.1", _scene.Running), ("vxnet_type", "2"))).Succeeded().Set("nic_set").Single().Str("nic_id");

        (await RefusedUnchangedAsync(1400, "AttachNics", ("instance", _scene.Stopped), ("nics.1", nics[1]))).Str("message").ShouldStartWith("PermissionDenied, ");
        await RefusedUnchangedAsync(1400, "AttachNics", ("instance", _scene.Running), ("nics.1", nics[1]), ("nics.2", nics[0]));
        await RefusedUnchangedAsync(1400, "DetachNics", ("nics.1", primary));
        await RefusedUnchangedAsync(1400, "DeleteNics", ("nics.1", nics[0]));
        await RefusedUnchangedAsync(1400, "DeleteRouters", ("routers.1", _scene.Router));
        await RefusedUnchangedAsync(1400, "StartInstances", ("instances.1", _scene.Running));
    }

    [Fact]
    public async Task AnUnknownIdIs2100()
    {
        await RefusedUnchangedAsync(2100, "AttachNics", ("instance", "i-nothere1"), ("nics.1", "52:54:00:00:00:01"));
        await RefusedUnchangedAsync(2100, "DescribeJobs", ("jobs.1", "j-nothere1"));
        await RefusedUnchangedAsync(2100, "CreateNics", ("vxnet", "vxnet-nothere"));
        (await _api.CallAsync("DescribeNics", ("nics.1", "52:54:00:00:00:01"))).Succeeded().GetProperty("total_count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task ATakenIpOrOverlappingNetworkIs2110()
    {
        (await _api.CallAsync("CreateNics", ("vxnet", _scene.Vxnet), ("private_ips.1", "172.16.1.77"))).Succeeded();
        var other = (await _api.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();

        (await RefusedUnchangedAsync(2110, "CreateNics", ("vxnet", _scene.Vxnet), ("private_ips.1", "172.16.1.77"))).Str("message").ShouldStartWith("ResourceAlreadyExists, ");
        await RefusedUnchangedAsync(2110, "JoinRouter", ("vxnet", other), ("router", _scene.Router), ("ip_network", "172.16.1.0/24"));
    }

    [Fact]
    public async Task MoreThan252NicsInAVxnetIs2500()
    {
        var scene = await IaasScene.BuildAsync(_api, "172.30.0.0/16", "172.30.1.0/24");
        await scene.NicsAsync(_api, 250);

        (await RefusedUnchangedAsync(2500, "CreateNics", ("vxnet", scene.Vxnet), ("count", "3"))).Str("message").ShouldStartWith("QuotaExceeded, ");
        (await scene.NicsAsync(_api, 2)).Count.ShouldBe(2);
        await RefusedUnchangedAsync(2500, "CreateNics", ("vxnet", scene.Vxnet));
    }

    [Fact]
    public async Task MoreThan64NicsOnAServerIs2500()
    {
        var scene = await IaasScene.BuildAsync(_api, "172.31.0.0/16", "172.31.1.0/24");
        var nics = await scene.NicsAsync(_api, 64);
        await scene.AttachAsync(_api, scene.Running, nics.Take(63).ToList());

        await RefusedUnchangedAsync(2500, "AttachNics", ("instance", scene.Running), ("nics.1", nics[63]));
    }

    private async Task<System.Text.Json.JsonElement> RefusedUnchangedAsync(int code, string action, params (string, string)[] parameters)
    {
        var before = await factory.SnapshotAsync();
        var reply = (await _api.CallAsync(action, parameters)).Refused(code);
        reply.Str("action").ShouldBe(action + "Response");
        (await factory.SnapshotAsync()).ShouldBe(before);
        return reply;
    }
}
