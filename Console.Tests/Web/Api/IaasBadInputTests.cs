using NicConsole.Web.Api;
using System.Text.Json;

namespace NicConsole.Tests.Web.Api;

/// <summary>
/// Hostile and malformed input through the API: markup, SQL-looking text and non-ASCII names are stored and
/// returned as text; over-long text, malformed addresses and networks, out-of-range paging and repeated list
/// indexes are clear 1100s that change nothing; every reply is well-formed JSON with markup escaped.
/// </summary>
public class IaasBadInputTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private IaasClient _api = null!;
    private IaasScene _scene = null!;

    public async Task InitializeAsync()
    {
        _api = await factory.ClientForNewKeyAsync();
        _scene ??= await IaasScene.BuildAsync(_api, "172.20.0.0/16", "172.20.1.0/24");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("'; DROP TABLE Nics;--")]
    [InlineData("Robert\"); DELETE FROM VxNets; --")]
    [InlineData("内网-测试 ☁️ émigré")]
    [InlineData("quote \" backslash \\ tab \t end")]
    public async Task HostileAndNonAsciiNamesAreStoredAndReturnedAsText(string name)
    {
        var nicsBefore = await CountAsync("DescribeNics");

        var (created, _) = await CallRawAsync("CreateVxnets", ("vxnet_name", name), ("vxnet_type", "1"));
        var vxnet = created.Succeeded().Strings("vxnets").Single();
        (await CallRawAsync("ModifyVxnetAttributes", ("vxnet", vxnet), ("description", name))).Reply.Succeeded();
        var (described, text) = await CallRawAsync("DescribeVxnets", ("vxnets.1", vxnet));

        var item = described.Succeeded().Set("vxnet_set").Single();
        item.Str("vxnet_name").ShouldBe(name);
        item.Str("description").ShouldBe(name);
        text.ShouldNotContain("<");
        text.ShouldNotContain(">");
        (await CountAsync("DescribeNics")).ShouldBe(nicsBefore, "the text was stored, not executed");
        (await CountAsync("DescribeVxnets", ("search_word", name))).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task HostileNamesOnEveryKindOfResourceComeBackAsText()
    {
        const string name = "<script>x</script>'; DROP TABLE Nics;--";

        var router = (await _api.CallAsync("CreateRouters", ("router_name", name), ("vpc_network", "192.168.0.0/16"))).Succeeded().Strings("routers").Single();
        var nic = (await _api.CallAsync("CreateNics", ("vxnet", _scene.Vxnet), ("nic_name", name))).Succeeded().Set("nics").Single().Str("nic_id");
        var run = (await _api.CallAsync("RunInstances", ("vxnets.1", "vxnet-0"), ("instance_name", name))).Succeeded();
        await _api.WaitJobAsync(run.Str("job_id"));

        (await _api.CallAsync("DescribeRouters", ("routers.1", router))).Succeeded().Set("router_set").Single().Str("router_name").ShouldBe(name);
        (await _api.CallAsync("DescribeNics", ("nics.1", nic))).Succeeded().Set("nic_set").Single().Str("nic_name").ShouldBe(name);
        (await _api.CallAsync("DescribeInstances", ("instances.1", run.Strings("instances").Single()))).Succeeded()
            .Set("instance_set").Single().Str("instance_name").ShouldBe(name);
    }

    [Theory]
    [InlineData("CreateVxnets", "vxnet_name", 65)]
    [InlineData("CreateVxnets", "vxnet_name", 10_000)]
    [InlineData("CreateRouters", "router_name", 65)]
    [InlineData("CreateNics", "nic_name", 65)]
    [InlineData("RunInstances", "instance_name", 65)]
    [InlineData("RunInstances", "image_id", 65)]
    [InlineData("RunInstances", "instance_type", 33)]
    [InlineData("ModifyVxnetAttributes", "description", 257)]
    [InlineData("ModifyNicAttributes", "description", 257)]
    public async Task TextOverItsLimitIs1100AndChangesNothing(string action, string parameter, int length)
    {
        var nic = (await _scene.NicsAsync(_api))[0];
        var parameters = new List<(string, string)> { (parameter, new string('名', length)) };
        parameters.AddRange(action switch
        {
            "CreateVxnets" => [("vxnet_type", "1")],
            "CreateNics" => [("vxnet", _scene.Vxnet)],
            "RunInstances" => [("vxnets.1", "vxnet-0")],
            "ModifyVxnetAttributes" => [("vxnet", _scene.Vxnet)],
            "ModifyNicAttributes" => [("nic", nic)],
            _ => [],
        });

        // Percent-encoded, a character of Chinese is 9 bytes: past the API's parameter limit, the whole call is too large.
        (await RefusedUnchangedAsync(1100, action, [.. parameters])).Str("message").ShouldContain(length * 9 > IaasLimits.MaxParameterBytes ? "too large" : "long");
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    public async Task AWildcardInASearchWordMatchesOnlyItself(string wildcard)
    {
        var name = $"wild{wildcard}card-" + Guid.NewGuid().ToString("N")[..6];
        (await _api.CallAsync("CreateVxnets", ("vxnet_name", name), ("vxnet_type", "1"))).Succeeded();
        (await _api.CallAsync("CreateVxnets", ("vxnet_name", "plain-" + Guid.NewGuid().ToString("N")[..6]), ("vxnet_type", "1"))).Succeeded();

        var found = (await _api.CallAsync("DescribeVxnets", ("search_word", wildcard), ("limit", "100"))).Succeeded().Set("vxnet_set");

        found.Select(v => v.Str("vxnet_name")).ShouldContain(name);
        found.ShouldAllBe(v => v.GetProperty("vxnet_name").GetString()!.Contains(wildcard));
    }

    [Fact]
    public async Task TextAtItsLimitInAnyScriptIsAccepted()
    {
        var name = string.Concat(Enumerable.Repeat("网", 64));

        var vxnet = (await _api.CallAsync("CreateVxnets", ("vxnet_name", name), ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();

        (await _api.CallAsync("DescribeVxnets", ("vxnets.1", vxnet))).Succeeded().Set("vxnet_set").Single().Str("vxnet_name").ShouldBe(name);
    }

    [Fact]
    public async Task AHugeValueInAPostBodyIs1100()
    {
        var before = await factory.SnapshotAsync();

        var reply = await _api.SendAsync(HttpMethod.Post, "CreateVxnets", [("vxnet_name", new string('x', 200_000)), ("vxnet_type", "1")]);

        reply.Refused(1100).Str("message").ShouldContain($"the request is too large: the API reads at most {IaasLimits.MaxParameterBytes} bytes");
        (await factory.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("1.2.3.4.5")]
    [InlineData("abc")]
    [InlineData("999.1.1.1")]
    [InlineData("172.20.1.05")]
    [InlineData("172.020.1.5")]
    [InlineData("0xac.20.1.5")]
    [InlineData("2886992133")]
    [InlineData("172.20.1.5/24")]
    [InlineData(" 172.20.1.5")]
    [InlineData("172.20.1.５")]
    [InlineData("::ffff:172.20.1.5")]
    [InlineData("172.20.1.-5")]
    [InlineData("'; DROP TABLE Nics;--")]
    [InlineData("<script>")]
    public async Task AMalformedIpIs1100AndChangesNothing(string ip)
    {
        var nic = (await _scene.NicsAsync(_api))[0];

        (await RefusedUnchangedAsync(1100, "CreateNics", ("vxnet", _scene.Vxnet), ("private_ips.1", ip))).Str("message").ShouldStartWith("InvalidParameter, ");
        await RefusedUnchangedAsync(1100, "ModifyNicAttributes", ("nic", nic), ("private_ip", ip));
    }

    [Theory]
    [InlineData("172.20.9.0/33")]
    [InlineData("172.20.9.0/-1")]
    [InlineData("172.20.9.0/")]
    [InlineData("/24")]
    [InlineData("172.20.9.0/24/1")]
    [InlineData("172.20.09.0/24")]
    [InlineData("172.20.9.0/024")]
    [InlineData("172.20.9.0 /24")]
    [InlineData("172.20.9.0")]
    [InlineData("::/0")]
    [InlineData("'; DROP TABLE VxNets;--")]
    public async Task AMalformedCidrIs1100AndChangesNothing(string cidr)
    {
        var vxnet = (await _api.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();

        await RefusedUnchangedAsync(1100, "JoinRouter", ("vxnet", vxnet), ("router", _scene.Router), ("ip_network", cidr));
        await RefusedUnchangedAsync(1100, "CreateRouters", ("vpc_network", cidr));
    }

    [Theory]
    [InlineData("limit", "2147483648")]
    [InlineData("offset", "2147483648")]
    [InlineData("limit", "-1")]
    [InlineData("offset", "-1")]
    [InlineData("limit", "99999999999999999999")]
    [InlineData("limit", "1e3")]
    [InlineData("limit", "0x10")]
    [InlineData("limit", "5.0")]
    [InlineData("offset", "ten")]
    public async Task AnOutOfRangeOrNonIntegerPageIs1100(string parameter, string value)
    {
        (await _api.CallAsync("DescribeNics", (parameter, value))).Refused(1100).Str("message").ShouldContain(parameter);
        (await _api.CallAsync("DescribeVxnets", (parameter, value))).Refused(1100);
    }

    [Fact]
    public async Task AHugeLimitIsCappedAtOneHundredAndAHugeOffsetIsAnEmptyPage()
    {
        var scene = await IaasScene.BuildAsync(_api, "172.21.0.0/16", "172.21.1.0/24");
        await scene.NicsAsync(_api, 120);

        var capped = (await _api.CallAsync("DescribeNics", ("vxnets.1", scene.Vxnet), ("limit", "99999999"))).Succeeded();
        var past = (await _api.CallAsync("DescribeNics", ("vxnets.1", scene.Vxnet), ("offset", "99999999"), ("limit", "2147483647"))).Succeeded();

        capped.Set("nic_set").Count.ShouldBe(Limits.MaxPageSize);
        capped.GetProperty("total_count").GetInt32().ShouldBe(120);
        past.Set("nic_set").ShouldBeEmpty();
        past.GetProperty("total_count").GetInt32().ShouldBe(120);
    }

    [Fact]
    public async Task RepeatedListIndexesAre1100AndChangeNothing()
    {
        var nics = await _scene.NicsAsync(_api, 2);

        await RefusedUnchangedAsync(1100, "DeleteNics", ("nics.1", nics[0]), ("nics.1", nics[1]));
        await RefusedUnchangedAsync(1100, "DeleteNics", ("nics.1", nics[0]), ("nics.1", nics[0]));
        await RefusedUnchangedAsync(1100, "DeleteNics", ("nics.1", nics[0]), ("nics.01", nics[1]));
        await RefusedUnchangedAsync(1100, "AttachNics", ("instance", _scene.Running), ("nics.1", nics[0]), ("nics.001", nics[1]));
        await RefusedUnchangedAsync(1100, "RunInstances", ("vxnets.1", "vxnet-0"), ("vxnets.1", _scene.Vxnet));
        await RefusedUnchangedAsync(1100, "CreateVxnets", ("vxnet_name", "a"), ("vxnet_name", "b"));
    }

    [Fact]
    public async Task MalformedEncodingIsAnAnswerInJsonNotAFailure()
    {
        var http = factory.CreateClient();

        foreach (var query in new[] { "action=%ZZ", "action=%E4%B8", "%=1", "action=DescribeNics&&&=&zone", "action=<script>alert(1)</script>" })
        {
            var response = await http.GetAsync("/iaas/?" + query);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            var reply = JsonDocument.Parse(text).RootElement;
            reply.RetCode().ShouldBeOneOf(1100, 1200);
            text.ShouldNotContain("<");
        }
    }

    private async Task<(JsonElement Reply, string Text)> CallRawAsync(string action, params (string, string)[] parameters)
    {
        var response = await _api.RawAsync(HttpMethod.Get, action, parameters);
        var text = await response.Content.ReadAsStringAsync();
        return (JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    private async Task<int> CountAsync(string action, params (string, string)[] parameters) =>
        (await _api.CallAsync(action, parameters)).Succeeded().GetProperty("total_count").GetInt32();

    private async Task<JsonElement> RefusedUnchangedAsync(int code, string action, params (string, string)[] parameters)
    {
        var before = await factory.SnapshotAsync();
        var reply = (await _api.CallAsync(action, parameters)).Refused(code);
        reply.Str("action").ShouldBe(action + "Response");
        (await factory.SnapshotAsync()).ShouldBe(before);
        return reply;
    }
}
