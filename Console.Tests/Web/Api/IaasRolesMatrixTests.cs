using NicConsole.Web.Api;

namespace NicConsole.Tests.Web.Api;

/// <summary>
/// Each role × each action the API knows (the rows are checked against <see cref="IaasActions"/>), through a real key
/// of a user of that role: a Viewer is refused every change with 1400 and nothing changes, and reads every Describe*;
/// an Operator and an Admin succeed on every action, and each change changes the database.
/// </summary>
public sealed class IaasRolesMatrixTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Tenant = "matrix";

    private static readonly OperationContext Setup = new("setup-matrix", "pek3a", Role.Operator, Tenant);

    /// <summary>Valid parameters for one action against resources made for it, and an id a Describe must show.</summary>
    private sealed record Call((string Name, string Value)[] Parameters, string? Shows = null);

    private delegate Task<Call> Prepare(IaasRolesMatrixTests t);

    private static readonly Dictionary<string, Prepare> Rows = new()
    {
        ["CreateNics"] = async t => new([("vxnet", (await t.SharedVxNetAsync()).VxNet)]),
        ["DescribeNics"] = async t =>
        {
            var nic = await t.FreeNicAsync();
            return new([("nics.1", nic)], nic);
        },
        ["AttachNics"] = async t => new([("nics.1", await t.FreeNicAsync()), ("instance", await t.ServerAsync())]),
        ["DetachNics"] = async t => new([("nics.1", (await t.AttachedNicAsync()).Nic)]),
        ["ModifyNicAttributes"] = async t => new([("nic", await t.FreeNicAsync()), ("nic_name", "renamed"), ("description", "now described")]),
        ["DeleteNics"] = async t => new([("nics.1", await t.FreeNicAsync())]),
        ["CreateVxnets"] = _ => Task.FromResult(new Call([("vxnet_type", "1"), ("vxnet_name", "more")])),
        ["DescribeVxnets"] = async t =>
        {
            var vxnet = await t.FreeVxNetAsync();
            return new([("vxnets.1", vxnet), ("verbose", "1")], vxnet);
        },
        ["DeleteVxnets"] = async t => new([("vxnets.1", await t.FreeVxNetAsync())]),
        ["ModifyVxnetAttributes"] = async t => new([("vxnet", await t.FreeVxNetAsync()), ("vxnet_name", "renamed")]),
        ["DescribeVxnetInstances"] = async t =>
        {
            var (_, server) = await t.AttachedNicAsync();
            return new([("vxnet", (await t.SharedVxNetAsync()).VxNet)], server);
        },
        ["CreateRouters"] = _ => Task.FromResult(new Call([("vpc_network", "192.168.0.0/16"), ("router_name", "more")])),
        ["DescribeRouters"] = async t =>
        {
            var vpc = await t.VpcAsync();
            return new([("routers.1", vpc), ("verbose", "1")], vpc);
        },
        ["DeleteRouters"] = async t => new([("routers.1", await t.VpcAsync())]),
        ["ModifyRouterAttributes"] = async t =>
        {
            var (vpc, vxnet) = await t.JoinedVxNetAsync();
            return new([("router", vpc), ("router_name", "renamed"), ("vxnet", vxnet), ("dyn_ip_start", "172.16.1.10")]);
        },
        ["JoinRouter"] = async t => new([("vxnet", await t.FreeVxNetAsync()), ("router", await t.VpcAsync()), ("ip_network", "172.16.1.0/24")]),
        ["LeaveRouter"] = async t =>
        {
            var (vpc, vxnet) = await t.JoinedVxNetAsync();
            return new([("router", vpc), ("vxnets.1", vxnet)]);
        },
        ["DescribeRouterVxnets"] = async t =>
        {
            var (vpc, vxnet) = await t.SharedVxNetAsync();
            return new([("router", vpc)], vxnet);
        },
        ["RunInstances"] = _ => Task.FromResult(new Call([("vxnets.1", ResourceIds.BasicVxNet), ("instance_name", "more")])),
        ["DescribeInstances"] = async t =>
        {
            var server = await t.ServerAsync();
            return new([("instances.1", server)], server);
        },
        ["StartInstances"] = async t => new([("instances.1", await t.StoppedServerAsync())]),
        ["StopInstances"] = async t => new([("instances.1", await t.ServerAsync())]),
        ["RestartInstances"] = async t => new([("instances.1", await t.ServerAsync())]),
        ["TerminateInstances"] = async t => new([("instances.1", await t.ServerAsync())]),
        ["DescribeJobs"] = async t =>
        {
            var job = (await t.S.Get<StopInstances>().RunAsync(Setup, [await t.ServerAsync()])).Ok().JobId;
            return new([("jobs.1", job)], job);
        },
    };

    private (string Vpc, string VxNet)? _shared;

    private ApiFactory S => factory;

    public static TheoryData<Role> Roles => new(Role.Viewer, Role.Operator, Role.Admin);

    [Fact]
    public void EveryActionOfTheDispatcherHasARow() =>
        factory.Services.GetRequiredService<IaasActions>().Names.ShouldBe(Rows.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRoleGetsWhatItsRoleAllowsOnEveryAction(Role role)
    {
        var user = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..16];
        var api = await factory.ClientForNewKeyAsync(user, role, Tenant);
        var wrong = new List<string>();

        foreach (var action in factory.Services.GetRequiredService<IaasActions>().Names)
        {
            if (!Rows.TryGetValue(action, out var prepare))
            {
                wrong.Add($"{action}: no row in the matrix");
                continue;
            }
            var call = await prepare(this);
            await factory.IdleAsync();
            var before = await factory.SnapshotAsync();
            var reply = await api.CallAsync(action, call.Parameters);
            var after = await factory.SnapshotAsync();

            var changes = !action.StartsWith("Describe", StringComparison.Ordinal);
            if (changes && role == Role.Viewer)
            {
                if (reply.RetCode() != (int)RetCode.PermissionDenied || reply.Str("message") != DomainErrors.ReadOnlyRole(user).ApiMessage)
                {
                    wrong.Add($"{action}: expected ReadOnlyRole (1400), got {reply}");
                }
                if (before != after)
                {
                    wrong.Add($"{action}: a refused change changed the database");
                }
                continue;
            }
            if (reply.RetCode() != 0)
            {
                wrong.Add($"{action}: expected 0, got {reply}");
            }
            else if (changes && before == after)
            {
                wrong.Add($"{action}: succeeded without changing anything");
            }
            if (!changes && before != after)
            {
                wrong.Add($"{action}: a Describe changed the database");
            }
            if (!changes && call.Shows is { } id && !reply.ToString().Contains(id, StringComparison.Ordinal))
            {
                wrong.Add($"{action}: does not show {id}: {reply}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task AKeyTakesItsUsersNewRoleAtOnce()
    {
        var user = $"demoted-{Guid.NewGuid():N}"[..16];
        var api = await factory.ClientForNewKeyAsync(user, Role.Operator, Tenant);
        var vxnet = (await api.CallAsync("CreateVxnets", ("vxnet_type", "1"))).Succeeded().Strings("vxnets").Single();
        var users = factory.Services.GetRequiredService<NicConsole.Web.Users.UserService>();

        (await users.ChangeAsync(OperationContext.System("root", "pek3a"), user, Role.Viewer, Tenant)).Ok();
        var before = await factory.SnapshotAsync();
        var refused = await api.CallAsync("ModifyVxnetAttributes", ("vxnet", vxnet), ("vxnet_name", "still mine?"));

        refused.Refused(1400).Str("message").ShouldBe(DomainErrors.ReadOnlyRole(user).ApiMessage);
        (await factory.SnapshotAsync()).ShouldBe(before);
        (await api.CallAsync("DescribeVxnets", ("vxnets.1", vxnet))).Succeeded().Set("vxnet_set").ShouldHaveSingleItem();

        (await users.ChangeAsync(OperationContext.System("root", "pek3a"), user, Role.Operator, Tenant)).Ok();
        (await api.CallAsync("ModifyVxnetAttributes", ("vxnet", vxnet), ("vxnet_name", "mine again"))).Succeeded();
    }

    private async Task<string> VpcAsync()
    {
        var vpc = (await S.Get<CreateVpcs>().RunAsync(Setup, "vpc", "172.16.0.0/16")).Ok().ResourceIds[0];
        await factory.IdleAsync();
        return vpc;
    }

    private async Task<string> FreeVxNetAsync() => (await S.Get<CreateVxNets>().RunAsync(Setup, "net")).Ok()[0];

    /// <summary>A new VxNet joined to a new VPC as 172.16.1.0/24, without NICs.</summary>
    private async Task<(string Vpc, string VxNet)> JoinedVxNetAsync()
    {
        var (vpc, vxnet) = (await VpcAsync(), await FreeVxNetAsync());
        (await S.Get<JoinVpc>().RunAsync(Setup, new JoinVpc.Request(vxnet, vpc, "172.16.1.0/24"))).Ok();
        await factory.IdleAsync();
        return (vpc, vxnet);
    }

    /// <summary>One joined VxNet for the rows that only need somewhere to put NICs.</summary>
    private async Task<(string Vpc, string VxNet)> SharedVxNetAsync() => _shared ??= await JoinedVxNetAsync();

    private async Task<string> FreeNicAsync() =>
        (await S.Get<RequestNics>().RunAsync(Setup, new RequestNics.Request((await SharedVxNetAsync()).VxNet, "nic"))).Ok()[0].NicId;

    private async Task<string> ServerAsync()
    {
        var server = (await S.Get<RunInstances>().RunAsync(Setup, new RunInstances.Request("host", [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds[0];
        await factory.IdleAsync();
        return server;
    }

    private async Task<string> StoppedServerAsync()
    {
        var server = await ServerAsync();
        (await S.Get<StopInstances>().RunAsync(Setup, [server])).Ok();
        await factory.IdleAsync();
        return server;
    }

    private async Task<(string Nic, string Server)> AttachedNicAsync()
    {
        var (nic, server) = (await FreeNicAsync(), await ServerAsync());
        (await S.Get<AttachNics>().RunAsync(Setup, [nic], server)).Ok();
        await factory.IdleAsync();
        return (nic, server);
    }
}
