using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NicConsole.Web.Api;
using NicConsole.Web.Users;

namespace NicConsole.Tests.Web.Api;

/// <summary>
/// Tenant isolation through the API (one row an action, checked against <see cref="IaasActions"/>): tenant A's
/// Operator and Viewer keys never see B's ids, also when they ask for them, and a call naming a B resource answers
/// exactly as one naming a made-up id of the same shape; B is unchanged. An Admin's key sees both; a key follows its
/// user into another tenant at once.
/// </summary>
public sealed class IaasTenantIsolationTests(TwoTenantsApi app) : IClassFixture<TwoTenantsApi>
{
    /// <summary>One call tried by tenant A; <see cref="Shows"/> are A's ids a list must show, so an empty answer cannot pass.</summary>
    private sealed record Probe((string Name, string Value)[] Parameters, params string[] Shows);

    private static readonly Dictionary<string, Func<TenantResources, TenantResources, Probe[]>> Rows = new()
    {
        ["CreateNics"] = (a, b) => [new([("vxnet", b.VxNet)])],
        ["DescribeNics"] = (a, b) =>
        [
            new([], a.PrimaryNic, a.FreeNic, a.AttachedNic),
            new([("vxnets.1", ResourceIds.BasicVxNet)], a.PrimaryNic),
            new([("nics.1", b.FreeNic)]),
            new([("nics.1", b.AttachedNic.ToUpperInvariant())]),
            new([("instances.1", b.Server)]),
            new([("vxnets.1", b.VxNet)]),
            new([("search_word", b.FreeNic)]),
        ],
        ["AttachNics"] = (a, b) => [new([("nics.1", a.FreeNic), ("instance", b.Server)]), new([("nics.1", b.FreeNic), ("instance", a.Server)])],
        ["DetachNics"] = (a, b) => [new([("nics.1", b.AttachedNic)])],
        ["ModifyNicAttributes"] = (a, b) => [new([("nic", b.FreeNic), ("nic_name", "mine")]), new([("nic", a.FreeNic), ("vxnet", b.VxNet)])],
        ["DeleteNics"] = (a, b) => [new([("nics.1", b.FreeNic)])],
        ["CreateVxnets"] = (a, b) => [new([("vxnet_type", "1")])],
        ["DescribeVxnets"] = (a, b) =>
        [
            new([], a.VxNet, a.FreeVxNet, ResourceIds.BasicVxNet),
            new([("verbose", "1")], a.VxNet, a.Server),
            new([("vxnets.1", b.VxNet)]),
            new([("vxnets.1", b.FreeVxNet), ("vxnets.2", a.VxNet)], a.VxNet),
        ],
        ["DeleteVxnets"] = (a, b) => [new([("vxnets.1", b.FreeVxNet)])],
        ["ModifyVxnetAttributes"] = (a, b) => [new([("vxnet", b.VxNet), ("vxnet_name", "mine")])],
        ["DescribeVxnetInstances"] = (a, b) =>
        [
            new([("vxnet", b.VxNet)]),
            new([("vxnet", ResourceIds.BasicVxNet)], a.Server, a.PrimaryNic),
            new([("vxnet", ResourceIds.BasicVxNet), ("status.1", "running")], a.Server),
            new([("vxnet", a.VxNet), ("instances.1", b.Server)]),
        ],
        ["CreateRouters"] = (a, b) => [new([("vpc_network", "192.168.0.0/16")])],
        ["DescribeRouters"] = (a, b) =>
        [
            new([], a.Vpc),
            new([("verbose", "1")], a.Vpc, a.VxNet),
            new([("routers.1", b.Vpc)]),
            new([("vxnet", b.VxNet)]),
        ],
        ["DeleteRouters"] = (a, b) => [new([("routers.1", b.Vpc)])],
        ["ModifyRouterAttributes"] = (a, b) =>
        [
            new([("router", b.Vpc), ("router_name", "mine")]),
            new([("router", a.Vpc), ("vxnet", b.VxNet), ("dyn_ip_start", "172.16.1.10")]),
        ],
        ["JoinRouter"] = (a, b) =>
        [
            new([("vxnet", a.FreeVxNet), ("router", b.Vpc), ("ip_network", "172.16.2.0/24")]),
            new([("vxnet", b.FreeVxNet), ("router", a.Vpc), ("ip_network", "172.16.2.0/24")]),
        ],
        ["LeaveRouter"] = (a, b) => [new([("router", b.Vpc), ("vxnets.1", b.VxNet)]), new([("router", a.Vpc), ("vxnets.1", b.VxNet)])],
        ["DescribeRouterVxnets"] = (a, b) =>
        [
            new([("router", b.Vpc)]),
            new([("router", "*")], a.VxNet),
            new([("router", a.Vpc), ("vxnet", b.VxNet)]),
        ],
        ["RunInstances"] = (a, b) => [new([("vxnets.1", ResourceIds.BasicVxNet), ("vxnets.2", b.VxNet)])],
        ["DescribeInstances"] = (a, b) =>
        [
            new([], a.Server, a.PrimaryNic, a.AttachedNic),
            new([("instances.1", b.Server)]),
            new([("search_word", b.Server)]),
        ],
        ["StartInstances"] = (a, b) => [new([("instances.1", b.Server)])],
        ["StopInstances"] = (a, b) => [new([("instances.1", b.Server)])],
        ["RestartInstances"] = (a, b) => [new([("instances.1", b.Server)])],
        ["TerminateInstances"] = (a, b) => [new([("instances.1", b.Server), ("instances.2", a.Server)])],
        ["DescribeJobs"] = (a, b) =>
        [
            new([], a.Job),
            new([("jobs.1", b.Job)]),
            new([("jobs.1", a.Job), ("jobs.2", b.Job)]),
        ],
    };

    private TenantResources A => app.A;

    private TenantResources B => app.B;

    public static TheoryData<Role> TenantRoles => new(Role.Operator, Role.Viewer);

    [Fact]
    public void EveryActionOfTheDispatcherHasARow() =>
        app.Services.GetRequiredService<IaasActions>().Names.ShouldBe(Rows.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(TenantRoles))]
    public async Task ATenantsKeyCannotListReadOrChangeAnotherTenantsResourcesThroughAnyAction(Role role)
    {
        var api = await app.ClientForNewKeyAsync(Unique(role.ToString()), role, A.Tenant);
        var wrong = new List<string>();

        foreach (var action in app.Services.GetRequiredService<IaasActions>().Names)
        {
            if (!Rows.TryGetValue(action, out var probes))
            {
                wrong.Add($"{action}: no row");
                continue;
            }
            foreach (var probe in probes(A, B))
            {
                var what = $"{action}({string.Join('&', probe.Parameters.Select(p => p.Name + "=" + p.Value))})";
                await app.IdleAsync();
                var before = await app.TenantSnapshotAsync(B.Tenant);
                var named = B.Ids.Where(id => probe.Parameters.Any(p => p.Value.Equals(id, StringComparison.OrdinalIgnoreCase))).ToList();
                if (named.Count == 0)
                {
                    var reply = await api.CallAsync(action, probe.Parameters);
                    wrong.AddRange(Leaks(what, reply));
                    wrong.AddRange(probe.Shows.Where(id => reply.RetCode() == 0 && !reply.ToString().Contains(id, StringComparison.Ordinal))
                        .Select(id => $"{what}: does not show A's {id}: {reply}"));
                }
                else
                {
                    var (foreign, madeUp) = await CompareWithMadeUpAsync(api, action, probe.Parameters);
                    if (foreign != madeUp)
                    {
                        wrong.Add($"{what}: answers {foreign}, but for made-up ids {madeUp}");
                    }
                    var expected = action.StartsWith("Describe", StringComparison.Ordinal) ? (int?)null
                        : role == Role.Viewer ? (int)RetCode.PermissionDenied : (int)RetCode.ResourceNotFound;
                    if (expected is { } code && !foreign.Contains($"\"ret_code\":{code}", StringComparison.Ordinal))
                    {
                        wrong.Add($"{what}: expected {code}, got {foreign}");
                    }
                }
                await app.IdleAsync();
                if (await app.TenantSnapshotAsync(B.Tenant) != before)
                {
                    wrong.Add($"{what}: changed tenant b");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnotherTenantsNicAnswersExactlyAsAMissingOne()
    {
        var api = await app.ClientForNewKeyAsync(Unique("olga"), Role.Operator, A.Tenant);
        const string missing = "52:54:00:ab:cd:ef";

        var foreign = (await api.CallAsync("ModifyNicAttributes", ("nic", B.FreeNic), ("nic_name", "x"))).Refused(2100);
        var absent = (await api.CallAsync("ModifyNicAttributes", ("nic", missing), ("nic_name", "x"))).Refused(2100);

        foreign.Str("message").ShouldBe(absent.Str("message").Replace(missing, B.FreeNic));
        foreign.Str("message").ShouldBe(DomainErrors.NicNotFound(B.FreeNic).ApiMessage);
    }

    [Fact]
    public async Task AnAdminsKeySeesBothTenants()
    {
        var api = await app.ClientForNewKeyAsync(Unique("root"), Role.Admin, "ops");

        var lists = string.Join('\n', await Task.WhenAll(
            new[] { "DescribeRouters", "DescribeVxnets", "DescribeNics", "DescribeInstances", "DescribeJobs" }
                .Select(async action => (await api.CallAsync(action, ("limit", "100"))).Succeeded().ToString())));

        foreach (var id in A.Ids.Concat(B.Ids))
        {
            lists.ShouldContain(id);
        }
    }

    [Fact]
    public async Task AKeyActsInItsUsersNewTenantAtOnce()
    {
        var name = Unique("mover");
        var api = await app.ClientForNewKeyAsync(name, Role.Operator, A.Tenant);
        (await api.CallAsync("DescribeVxnets")).Succeeded().Set("vxnet_set").Select(x => x.Str("vxnet_id")).ShouldContain(A.VxNet);

        (await app.Services.GetRequiredService<UserService>().ChangeAsync(OperationContext.System("root", "pek3a"), name, Role.Operator, B.Tenant)).Ok();
        var seen = (await api.CallAsync("DescribeVxnets")).Succeeded().Set("vxnet_set").Select(x => x.Str("vxnet_id")).ToList();
        var created = (await api.CallAsync("CreateVxnets", ("vxnet_type", "1"), ("vxnet_name", "moved"))).Succeeded().Strings("vxnets").Single();
        var refused = await api.CallAsync("ModifyVxnetAttributes", ("vxnet", A.VxNet), ("vxnet_name", "old home"));

        seen.ShouldContain(B.VxNet);
        seen.ShouldNotContain(A.VxNet);
        refused.Refused(2100);
        await using var db = app.Db();
        (await db.VxNets.SingleAsync(x => x.Id == created)).Tenant.ShouldBe(B.Tenant);
        (await db.OperationLog.Where(o => o.User == name && o.Action == "CreateVxnets").Select(o => o.Tenant).ToListAsync()).ShouldBe([B.Tenant]);
    }

    private static string Unique(string prefix) => $"{prefix.ToLowerInvariant()}-{Guid.NewGuid():N}"[..14];

    /// <summary>Every B id a reply names (a tenant must never learn one it did not give).</summary>
    private IEnumerable<string> Leaks(string what, JsonElement reply) =>
        B.Ids.Where(id => reply.ToString().Contains(id, StringComparison.OrdinalIgnoreCase)).Select(id => $"{what}: shows B's {id}: {reply}");

    /// <summary>The call as given, and with each of B's ids replaced by a made-up id of the same shape, with those put back in its reply.</summary>
    private async Task<(string Foreign, string MadeUp)> CompareWithMadeUpAsync(IaasClient api, string action, (string Name, string Value)[] parameters)
    {
        var swaps = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in B.Ids.Where(id => parameters.Any(p => p.Value.Equals(id, StringComparison.OrdinalIgnoreCase))))
        {
            swaps[id] = MadeUp(id);
        }
        var foreign = (await api.CallAsync(action, parameters)).ToString();
        var madeUp = (await api.CallAsync(action, parameters.Select(p => (p.Name, swaps.GetValueOrDefault(p.Value, p.Value))).ToArray())).ToString();
        foreach (var (id, fake) in swaps)
        {
            madeUp = madeUp.Replace(fake, id, StringComparison.OrdinalIgnoreCase);
        }
        return (Normalize(foreign, parameters), Normalize(madeUp, parameters));
    }

    /// <summary>An id echoed as given may differ in case from how it was stored; compare ids case-blind.</summary>
    private static string Normalize(string reply, (string Name, string Value)[] parameters) =>
        parameters.Aggregate(reply, (text, p) => text.Replace(p.Value, p.Value.ToLowerInvariant(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The same prefix and length, each letter or digit moved on by one (a MAC keeps its 52:54 and hex digits).</summary>
    private static string MadeUp(string id)
    {
        var start = id.StartsWith("52:54:", StringComparison.OrdinalIgnoreCase) ? 6 : id.IndexOf('-') + 1;
        var alphabet = start == 6 ? "0123456789abcdef" : "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = id.ToLowerInvariant().ToCharArray();
        for (var i = start; i < chars.Length; i++)
        {
            var at = alphabet.IndexOf(chars[i]);
            if (at >= 0)
            {
                chars[i] = alphabet[(at + 1) % alphabet.Length];
            }
        }
        return new string(chars);
    }
}
