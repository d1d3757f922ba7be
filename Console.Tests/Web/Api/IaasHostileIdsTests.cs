using System.Text.Json;

namespace NicConsole.Tests.Web.Api;

/// <summary>
/// Bad input the other bad-input tests leave out: hostile or over-long text where an id, a search word or a filter is
/// expected. Every such call is a clear refusal (1100 or 2100) or an empty list, in JSON with markup escaped, and
/// nothing changes.
/// </summary>
public sealed class IaasHostileIdsTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public static TheoryData<string> HostileIds => new(
        "<script>alert(1)</script>",
        "'; DROP TABLE Nics;--",
        "vxnet-0' OR '1'='1",
        "52:54:00:00:00:00' OR 1=1 --",
        "i-%",
        "名字-网卡",
        new string('x', 5_000));

    /// <summary>Each parameter that names a resource, with what else its action needs to reach the lookup.</summary>
    private static readonly (string Action, string Parameter, (string, string)[] Others)[] IdParameters =
    [
        ("DescribeNics", "nics.1", []),
        ("DescribeVxnets", "vxnets.1", []),
        ("DescribeRouters", "routers.1", []),
        ("DescribeInstances", "instances.1", []),
        ("DescribeJobs", "jobs.1", []),
        ("DescribeVxnetInstances", "vxnet", []),
        ("DescribeRouterVxnets", "router", []),
        ("CreateNics", "vxnet", []),
        ("AttachNics", "nics.1", [("instance", "i-aaaaaaaa")]),
        ("AttachNics", "instance", [("nics.1", "52:54:00:00:00:01")]),
        ("DetachNics", "nics.1", []),
        ("ModifyNicAttributes", "nic", [("nic_name", "x")]),
        ("DeleteNics", "nics.1", []),
        ("DeleteVxnets", "vxnets.1", []),
        ("ModifyVxnetAttributes", "vxnet", [("vxnet_name", "x")]),
        ("DeleteRouters", "routers.1", []),
        ("ModifyRouterAttributes", "router", [("router_name", "x")]),
        ("JoinRouter", "router", [("vxnet", "vxnet-aaaaaaa"), ("ip_network", "172.16.1.0/24")]),
        ("JoinRouter", "vxnet", [("router", "rtr-aaaaaaaa"), ("ip_network", "172.16.1.0/24")]),
        ("LeaveRouter", "router", [("vxnets.1", "vxnet-aaaaaaa")]),
        ("RunInstances", "vxnets.1", []),
        ("StartInstances", "instances.1", []),
        ("StopInstances", "instances.1", []),
        ("RestartInstances", "instances.1", []),
        ("TerminateInstances", "instances.1", []),
    ];

    private IaasClient _api = null!;

    public async Task InitializeAsync()
    {
        _api = await factory.ClientForNewKeyAsync($"hostile-{Guid.NewGuid():N}"[..14], Role.Operator, "hostile");
        await IaasScene.BuildAsync(_api);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task AHostileIdIsARefusalOrAnEmptyListAndChangesNothing(string id)
    {
        var wrong = new List<string>();

        foreach (var (action, parameter, others) in IdParameters)
        {
            await factory.IdleAsync();
            var before = await factory.SnapshotAsync();
            var response = await _api.RawAsync(HttpMethod.Post, action, [(parameter, id), .. others]);
            var text = await response.Content.ReadAsStringAsync();
            var reply = JsonDocument.Parse(text).RootElement;
            var after = await factory.SnapshotAsync();

            var what = $"{action} {parameter}";
            var code = reply.RetCode();
            if (code == 0 && !reply.EnumerateObject().Any(p => p.Name.EndsWith("_set", StringComparison.Ordinal) && p.Value.GetArrayLength() == 0))
            {
                wrong.Add($"{what}: accepted: {Cut(text)}");
            }
            if (code is not (0 or 1100 or 2100))
            {
                wrong.Add($"{what}: {Cut(text)}");
            }
            if (code != 0 && string.IsNullOrWhiteSpace(reply.Str("message")))
            {
                wrong.Add($"{what}: a refusal without a message");
            }
            if (text.Contains('<') || text.Contains('>'))
            {
                wrong.Add($"{what}: markup not escaped: {Cut(text)}");
            }
            if (before != after)
            {
                wrong.Add($"{what}: changed the database");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task AHostileSearchWordOrFilterFindsNothingAndChangesNothing(string word)
    {
        var before = await factory.SnapshotAsync();

        foreach (var action in new[] { "DescribeNics", "DescribeVxnets", "DescribeRouters", "DescribeInstances" })
        {
            var reply = await _api.CallAsync(action, ("search_word", word));
            if (reply.RetCode() == 0)
            {
                reply.GetProperty("total_count").GetInt32().ShouldBe(0, action);
            }
            else
            {
                reply.Refused(1100);
            }
        }
        (await _api.CallAsync("DescribeNics", ("nic_name", word))).Succeeded().GetProperty("total_count").GetInt32().ShouldBe(0);
        (await _api.CallAsync("DescribeNics", ("status.1", word))).Refused(1100);
        (await _api.CallAsync("DescribeJobs", ("job_action.1", word))).Refused(1100);

        (await factory.SnapshotAsync()).ShouldBe(before);
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
