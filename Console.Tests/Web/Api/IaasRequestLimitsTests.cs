using System.Net;
using System.Text.Json;
using NicConsole.Web.Api;
using Xunit.Abstractions;

namespace NicConsole.Tests.Web.Api;

/// <summary>
/// The API's size limits through real Kestrel on a loopback socket, as the SDKs reach it: every list-taking action
/// with 252 ids in a signed GET gets the API's JSON, the largest legal call fits with room to spare, and a call past
/// <see cref="IaasLimits.MaxParameterBytes"/> gets 1100 naming the limit, never a bare HTTP error.
/// </summary>
public sealed class IaasRequestLimitsTests(ConsoleApp app, ITestOutputHelper output) : IClassFixture<ConsoleApp>
{
    private const int Ids = 252;

    private async Task<IaasClient> SocketClientAsync(string user)
    {
        var key = await app.NewKeyAsync(user);
        return new IaasClient(new HttpClient { BaseAddress = new Uri(app.BaseUrl) }, key.AccessKeyId, key.SecretAccessKey);
    }

    private static (string, string)[] Numbered(string name, IEnumerable<string> ids) => ids.Select((id, i) => ($"{name}.{i + 1}", id)).ToArray();

    private static IEnumerable<string> Fake(string prefix, int length) =>
        Enumerable.Range(0, Ids).Select(i => prefix + i.ToString("x").PadLeft(length, '0'));

    [Fact]
    public async Task EveryListTakingActionWith252IdsInASignedGetGetsTheApisAnswer()
    {
        var api = await SocketClientAsync("limits-lists");
        var scene = await IaasScene.BuildAsync(api, "172.20.0.0/16", "172.20.1.0/24");
        var nics = await scene.NicsAsync(api, Ids);
        var calls = new (string Action, (string, string)[] Parameters)[]
        {
            ("DescribeNics", Numbered("nics", nics)),
            ("AttachNics", [.. Numbered("nics", nics), ("instance", scene.Running)]),
            ("DetachNics", Numbered("nics", nics)),
            ("DescribeVxnets", Numbered("vxnets", Fake("vxnet-", 7))),
            ("DeleteVxnets", Numbered("vxnets", Fake("vxnet-", 7))),
            ("LeaveRouter", [.. Numbered("vxnets", Fake("vxnet-", 7)), ("router", scene.Router)]),
            ("DescribeInstances", Numbered("instances", Fake("i-", 8))),
            ("StartInstances", Numbered("instances", Fake("i-", 8))),
            ("StopInstances", Numbered("instances", Fake("i-", 8))),
            ("RestartInstances", Numbered("instances", Fake("i-", 8))),
            ("TerminateInstances", Numbered("instances", Fake("i-", 8))),
            ("DescribeRouters", Numbered("routers", Fake("rtr-", 8))),
            ("DeleteRouters", Numbered("routers", Fake("rtr-", 8))),
            ("DescribeJobs", Numbered("jobs", Fake("j-", 8))),
            ("DeleteNics", Numbered("nics", nics)),
        };

        foreach (var (action, parameters) in calls)
        {
            var reply = await api.CallAsync(action, parameters);
            var code = reply.GetProperty("ret_code").GetInt32();
            output.WriteLine($"{action} with {Ids} ids: ret_code {code} {(reply.TryGetProperty("message", out var m) ? m.GetString() : "")}");
            reply.GetProperty("action").GetString().ShouldBe(action + "Response");
            if (code != 0)
            {
                reply.GetProperty("message").GetString()!.ShouldNotContain("too large");
            }
        }
        var described = (await api.CallAsync("DescribeNics", Numbered("nics", nics))).Succeeded();
        described.GetProperty("total_count").GetInt32().ShouldBe(0, "the DeleteNics with 252 ids deleted every one");
    }

    [Fact]
    public async Task TheLargestLegalCallFitsWithRoomToSpare()
    {
        var api = await SocketClientAsync("limits-largest");
        var chinese = new string('网', Limits.SearchLength);
        var parameters = Numbered("nics", Enumerable.Range(0, Ids).Select(i => $"52:54:{i >> 8:x2}:{i & 0xff:x2}:ab:cd"))
            .Concat(Numbered("vxnets", Enumerable.Range(0, Limits.MaxVxNetsPerRequest).Select(i => $"vxnet-{i:x7}")))
            .Concat(Numbered("instances", Enumerable.Range(0, Limits.MaxServersPerRequest).Select(i => $"i-{i:x8}")))
            .Concat([("nic_name", new string('卡', Limits.NameLength)), ("search_word", chinese), ("status.1", "available"), ("status.2", "in-use"),
                ("limit", "100"), ("offset", "0"), ("verbose", "1")])
            .ToArray();

        var response = await api.RawAsync(HttpMethod.Get, "DescribeNics", parameters);

        var size = response.RequestMessage!.RequestUri!.Query.Length;
        output.WriteLine($"the largest DescribeNics: {size:N0} bytes of query string; the limit {IaasLimits.MaxParameterBytes:N0}");
        size.ShouldBeGreaterThan(8 * 1024, "past Kestrel's default request line, the call this limit exists for");
        size.ShouldBeLessThan(IaasLimits.MaxParameterBytes / 3);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Succeeded().GetProperty("total_count").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task ACallPastTheLimitGets1100NamingItAndChangesNothing(string method)
    {
        var api = await SocketClientAsync("limits-past-" + method);
        var before = await app.SnapshotAsync();
        var tooMany = Numbered("nics", Enumerable.Range(0, 3000).Select(i => $"52:54:{i >> 8:x2}:{i & 0xff:x2}:ab:cd"));

        var response = await api.RawAsync(new HttpMethod(method), "DeleteNics", tooMany);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json");
        var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        reply.GetProperty("ret_code").GetInt32().ShouldBe(1100);
        reply.GetProperty("message").GetString()!.ShouldContain(IaasLimits.MaxParameterBytes.ToString());
        if (method == "GET")
        {
            reply.GetProperty("action").GetString().ShouldBe("DeleteNicsResponse"); // a POST's body is read only up to the limit
        }
        (await app.SnapshotAsync()).ShouldBe(before);
    }
}
