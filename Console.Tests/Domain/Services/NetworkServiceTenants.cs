using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Operations;

namespace NicConsole.Tests.Domain.Services;

/// <summary>
/// Tenant isolation through every method of <see cref="INetworkService"/> (one row a method, found by reflection):
/// tenant A's Operator and Viewer cannot list, read or change tenant B's resources, which answer exactly as missing
/// ones do (2100); an Admin sees both tenants; vxnet-0 is everyone's.
/// </summary>
public class NetworkServiceTenants : IAsyncLifetime
{
    private DomainHarness _h = null!;
    private TenantResources _a = null!;
    private TenantResources _b = null!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        _a = await TenantScene.BuildAsync(_h, "a");
        _b = await TenantScene.BuildAsync(_h, "b");
        // Tenant b has one NIC more, so that a count of the wrong tenant shows.
        (await _h.Service.RequestNicsAsync(TenantScene.As(_b.Tenant, Role.Operator), new RequestNics(_b.VxNet, "extra"))).Ok();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private INetworkService S => _h.Service;

    /// <summary>A method tried against tenant B by a caller of tenant A: null when it behaved, else what went wrong.</summary>
    private delegate Task<string?> Attempt(NetworkServiceTenants t, OperationContext caller);

    private static readonly IReadOnlyDictionary<string, Attempt> Attempts = new Dictionary<string, Attempt>
    {
        [nameof(INetworkService.CreateVpcsAsync)] = async (t, c) => Own(c, await t.S.CreateVpcsAsync(c, "vpc")),
        [nameof(INetworkService.ModifyVpcAsync)] = async (t, c) =>
            Hidden(c, await t.S.ModifyVpcAsync(c, t._b.Vpc, "mine", null))
            ?? Hidden(c, await t.S.ModifyVpcAsync(c, t._a.Vpc, null, null, new DhcpChange(t._b.VxNet, DynIpStart: "172.16.1.10"))),
        [nameof(INetworkService.DeleteVpcsAsync)] = async (t, c) => Hidden(c, await t.S.DeleteVpcsAsync(c, [t._a.Vpc, t._b.Vpc])),
        [nameof(INetworkService.CreateVxNetsAsync)] = async (t, c) => Own(c, await t.S.CreateVxNetsAsync(c, "net")),
        [nameof(INetworkService.ModifyVxNetAsync)] = async (t, c) => Hidden(c, await t.S.ModifyVxNetAsync(c, t._b.VxNet, "mine", null)),
        [nameof(INetworkService.DeleteVxNetsAsync)] = async (t, c) => Hidden(c, await t.S.DeleteVxNetsAsync(c, [t._b.FreeVxNet])),
        [nameof(INetworkService.JoinVpcAsync)] = async (t, c) =>
            Hidden(c, await t.S.JoinVpcAsync(c, new JoinVpc(t._a.FreeVxNet, t._b.Vpc, "172.16.2.0/24")))
            ?? Hidden(c, await t.S.JoinVpcAsync(c, new JoinVpc(t._b.FreeVxNet, t._a.Vpc, "172.16.2.0/24"))),
        [nameof(INetworkService.CheckJoinAsync)] = async (t, c) =>
            NotFound(await t.S.CheckJoinAsync(c, new JoinVpc(t._a.FreeVxNet, t._b.Vpc, "172.16.2.0/24")))
            ?? NotFound(await t.S.CheckJoinAsync(c, new JoinVpc(t._b.FreeVxNet, t._a.Vpc, "172.16.2.0/24"))),
        [nameof(INetworkService.LeaveVpcAsync)] = async (t, c) => Hidden(c, await t.S.LeaveVpcAsync(c, t._b.Vpc, [t._b.VxNet])),
        [nameof(INetworkService.RequestNicsAsync)] = async (t, c) => Hidden(c, await t.S.RequestNicsAsync(c, new RequestNics(t._b.VxNet, "mine"))),
        [nameof(INetworkService.ModifyNicAsync)] = async (t, c) =>
            Hidden(c, await t.S.ModifyNicAsync(c, new ModifyNic(t._b.FreeNic, Name: "mine")))
            ?? Hidden(c, await t.S.ModifyNicAsync(c, new ModifyNic(t._a.FreeNic, VxNetId: t._b.VxNet))),
        [nameof(INetworkService.AttachNicsAsync)] = async (t, c) =>
            Hidden(c, await t.S.AttachNicsAsync(c, [t._a.FreeNic], t._b.Server))
            ?? Hidden(c, await t.S.AttachNicsAsync(c, [t._b.FreeNic], t._a.Server)),
        [nameof(INetworkService.DetachNicsAsync)] = async (t, c) => Hidden(c, await t.S.DetachNicsAsync(c, [t._b.AttachedNic])),
        [nameof(INetworkService.DeleteNicsAsync)] = async (t, c) => Hidden(c, await t.S.DeleteNicsAsync(c, [t._b.FreeNic])),
        [nameof(INetworkService.RunInstancesAsync)] = async (t, c) =>
            Hidden(c, await t.S.RunInstancesAsync(c, new RunInstances("mine", [new NetworkChoice(ResourceIds.BasicVxNet), new NetworkChoice(t._b.VxNet)]))),
        [nameof(INetworkService.ModifyInstanceAsync)] = async (t, c) => Hidden(c, await t.S.ModifyInstanceAsync(c, t._b.Server, "mine", null)),
        [nameof(INetworkService.StartInstancesAsync)] = async (t, c) => Hidden(c, await t.S.StartInstancesAsync(c, [t._b.Server])),
        [nameof(INetworkService.StopInstancesAsync)] = async (t, c) => Hidden(c, await t.S.StopInstancesAsync(c, [t._b.Server])),
        [nameof(INetworkService.RestartInstancesAsync)] = async (t, c) => Hidden(c, await t.S.RestartInstancesAsync(c, [t._b.Server])),
        [nameof(INetworkService.TerminateInstancesAsync)] = async (t, c) => Hidden(c, await t.S.TerminateInstancesAsync(c, [t._b.Server])),
        [nameof(INetworkService.RetryJobAsync)] = async (t, c) => Hidden(c, await t.S.RetryJobAsync(c, t._b.Job)),
        [nameof(INetworkService.QueryVpcsAsync)] = async (t, c) =>
            t.Lists((await t.S.QueryVpcsAsync(c, new VpcQuery())).Ok().Items.Select(v => v.Id), t._a.Vpc)
            ?? t.Lists((await t.S.QueryVpcsAsync(c, new VpcQuery { Ids = [t._b.Vpc] })).Ok().Items.Select(v => v.Id)),
        [nameof(INetworkService.QueryVxNetsAsync)] = async (t, c) =>
            t.Lists((await t.S.QueryVxNetsAsync(c, new VxNetQuery())).Ok().Items.Select(x => x.Id), ResourceIds.BasicVxNet, t._a.VxNet),
        [nameof(INetworkService.QueryNicsAsync)] = async (t, c) =>
            t.Lists((await t.S.QueryNicsAsync(c, new NicQuery())).Ok().Items.Select(n => n.Id), t._a.PrimaryNic, t._a.AttachedNic)
            ?? t.Lists((await t.S.QueryNicsAsync(c, new NicQuery { VxNetIds = [ResourceIds.BasicVxNet] })).Ok().Items.Select(n => n.Id), t._a.PrimaryNic)
            ?? t.Lists((await t.S.QueryNicsAsync(c, new NicQuery { Ids = [t._b.FreeNic.ToUpperInvariant()] })).Ok().Items.Select(n => n.Id)),
        [nameof(INetworkService.QueryInstancesAsync)] = async (t, c) =>
            t.Lists((await t.S.QueryInstancesAsync(c, new InstanceQuery())).Ok().Items.Select(i => i.Id), t._a.Server)
            ?? t.Lists((await t.S.QueryInstancesAsync(c, new InstanceQuery { Ids = [t._b.Server] })).Ok().Items.Select(i => i.Id)),
        [nameof(INetworkService.QueryJobsAsync)] = async (t, c) =>
            t.Lists((await t.S.QueryJobsAsync(c, new JobQuery())).Ok().Items.Select(j => j.Id), t._a.Job)
            ?? t.Lists((await t.S.QueryJobsAsync(c, new JobQuery { ResourceId = t._b.Server })).Ok().Items.Select(j => j.Id)),
        [nameof(INetworkService.QueryOperationsAsync)] = async (t, c) =>
            t.Logs((await t.S.QueryOperationsAsync(c, new OperationQuery { Page = new PageRequest(Limit: Limits.MaxPageSize) })).Ok().Items)
            ?? t.Lists((await t.S.QueryOperationsAsync(c, new OperationQuery { ResourceId = t._b.FreeNic })).Ok().Items.Select(o => o.ResourceIds)),
        [nameof(INetworkService.GetDashboardAsync)] = async (t, c) => await t.DashboardAsync(c),
        [nameof(INetworkService.ExportVpcs)] = async (t, c) => t.Lists(await ReadAsync(t.S.ExportVpcs(c, new VpcQuery()), v => v.Id), t._a.Vpc),
        [nameof(INetworkService.ExportVxNets)] = async (t, c) =>
            t.Lists(await ReadAsync(t.S.ExportVxNets(c, new VxNetQuery()), x => x.Id), ResourceIds.BasicVxNet, t._a.VxNet),
        [nameof(INetworkService.ExportNics)] = async (t, c) =>
            t.Lists(await ReadAsync(t.S.ExportNics(c, new NicQuery()), n => n.Id), t._a.PrimaryNic, t._a.FreeNic, t._a.AttachedNic),
        [nameof(INetworkService.ExportInstances)] = async (t, c) =>
            t.Lists(await ReadAsync(t.S.ExportInstances(c, new InstanceQuery()), i => i.Id), t._a.Server),
        [nameof(INetworkService.ExportJobs)] = async (t, c) => t.Lists(await ReadAsync(t.S.ExportJobs(c, new JobQuery()), j => j.Id), t._a.Job),
        [nameof(INetworkService.ExportOperations)] = async (t, c) => t.Logs(await ReadAsync(t.S.ExportOperations(c, new OperationQuery()), o => o)),
        [nameof(INetworkService.GetNicTimelineAsync)] = async (t, c) => NotFound(await t.S.GetNicTimelineAsync(c, t._b.AttachedNic)),
        [nameof(INetworkService.GetAddressMapAsync)] = async (t, c) => NotFound(await t.S.GetAddressMapAsync(c, t._b.VxNet)),
        [nameof(INetworkService.CheckAddressAsync)] = async (t, c) => NotFound(await t.S.CheckAddressAsync(c, t._b.VxNet, "172.16.1.99")),
    };

    public static TheoryData<Role> TenantRoles => new(Role.Operator, Role.Viewer);

    [Fact]
    public void EveryMethodOfTheServiceHasARow() =>
        typeof(INetworkService).GetMethods().Select(m => m.Name).Order().ShouldBe(Attempts.Keys.Order());

    [Theory]
    [MemberData(nameof(TenantRoles))]
    public async Task ATenantCannotListReadOrChangeAnotherTenantsResourcesThroughAnyMethod(Role role)
    {
        var caller = TenantScene.As(_a.Tenant, role);
        var wrong = new List<string>();

        foreach (var (method, attempt) in Attempts)
        {
            var before = await TenantScene.SnapshotAsync(_h, _b.Tenant);
            var failure = await attempt(this, caller);
            var after = await TenantScene.SnapshotAsync(_h, _b.Tenant);

            if (failure is not null)
            {
                wrong.Add($"{method}: {failure}");
            }
            if (before != after)
            {
                wrong.Add($"{method}: changed tenant b");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnotherTenantsResourceAnswersExactlyAsAMissingOne()
    {
        var caller = TenantScene.As(_a.Tenant, Role.Operator);
        const string missing = "52:54:00:ab:cd:ef";

        var foreign = (await S.ModifyNicAsync(caller, new ModifyNic(_b.FreeNic, Name: "x"))).Refused(RetCode.ResourceNotFound);
        var absent = (await S.ModifyNicAsync(caller, new ModifyNic(missing, Name: "x"))).Refused(RetCode.ResourceNotFound);

        foreign.ToString().ShouldBe(absent.ToString().Replace(missing, _b.FreeNic));
        foreign.ToString().ShouldBe(DomainErrors.NicNotFound(_b.FreeNic).ToString());
    }

    [Fact]
    public async Task AnOperatorAttachingItsNicToAnotherTenantsServerFindsNoServer()
    {
        var before = await _h.SnapshotAsync();

        var refused = (await S.AttachNicsAsync(TenantScene.As(_a.Tenant, Role.Operator), [_a.FreeNic], _b.Server)).Refused(RetCode.ResourceNotFound);

        refused.ToString().ShouldBe(DomainErrors.InstanceNotFound(_b.Server).ToString());
        (await _h.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnAdminCannotMixTenantsInOneChange()
    {
        var admin = TenantScene.As("ops", Role.Admin);
        var before = await _h.SnapshotAsync();

        var attach = (await S.AttachNicsAsync(admin, [_a.FreeNic], _b.Server)).Refused(RetCode.InvalidParameter);
        var detach = (await S.DetachNicsAsync(admin, [_a.AttachedNic, _b.AttachedNic])).Refused(RetCode.InvalidParameter);
        var run = (await S.RunInstancesAsync(admin, new RunInstances("x", [new NetworkChoice(ResourceIds.BasicVxNet), new NetworkChoice(_b.VxNet)])))
            .Refused(RetCode.InvalidParameter);
        var join = (await S.JoinVpcAsync(admin, new JoinVpc(_a.FreeVxNet, _b.Vpc, "172.16.2.0/24"))).Refused(RetCode.InvalidParameter);

        attach.ToString().ShouldBe(DomainErrors.TenantMismatch(_a.FreeNic, "a", "b").ToString());
        detach.ToString().ShouldBe(DomainErrors.TenantMismatch(_b.AttachedNic, "b", "a").ToString());
        run.ToString().ShouldBe(DomainErrors.TenantMismatch(_b.VxNet, "b", "ops").ToString());
        join.ToString().ShouldBe(DomainErrors.TenantMismatch(_a.FreeVxNet, "a", "b").ToString());
        (await _h.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnAdminSeesEveryTenant()
    {
        var admin = TenantScene.As("ops", Role.Admin);

        var nics = (await S.QueryNicsAsync(admin, new NicQuery { Page = new PageRequest(Limit: Limits.MaxPageSize) })).Ok().Items.Select(n => n.Id).ToList();
        var jobs = (await S.QueryJobsAsync(admin, new JobQuery { Page = new PageRequest(Limit: Limits.MaxPageSize) })).Ok().Items.Select(j => j.Id).ToList();
        var log = (await S.QueryOperationsAsync(admin, new OperationQuery { Page = new PageRequest(Limit: Limits.MaxPageSize) })).Ok().Items;
        var dashboard = (await S.GetDashboardAsync(admin)).Ok();
        var timeline = (await S.GetNicTimelineAsync(admin, _b.AttachedNic)).Ok();

        nics.Count.ShouldBe(7);
        new[] { _a.PrimaryNic, _a.FreeNic, _a.AttachedNic, _b.PrimaryNic, _b.FreeNic, _b.AttachedNic }.ShouldBeSubsetOf(nics);
        jobs.ShouldContain(_a.Job);
        jobs.ShouldContain(_b.Job);
        log.Select(o => o.Tenant).Distinct().ShouldBe(["a", "b"], ignoreOrder: true);
        dashboard.Nics.Total.ShouldBe(7);
        dashboard.Vpcs.Total.ShouldBe(2);
        dashboard.Servers.Total.ShouldBe(2);
        timeline.Entries.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task TheBasicNetworkIsEveryTenantsAndItsAddressMapNamesOnlyTheCallersNics()
    {
        var caller = TenantScene.As(_a.Tenant, Role.Viewer);
        await using var db = _h.Db();
        var theirs = await db.Nics.SingleAsync(n => n.Id == _b.PrimaryNic);
        var ours = await db.Nics.SingleAsync(n => n.Id == _a.PrimaryNic);

        var map = (await S.GetAddressMapAsync(caller, ResourceIds.BasicVxNet)).Ok();
        var check = (await S.CheckAddressAsync(caller, ResourceIds.BasicVxNet, theirs.PrivateIp.ToString(), primary: true)).Ok();

        (await S.QueryVxNetsAsync(TenantScene.As(_b.Tenant, Role.Viewer), new VxNetQuery())).Ok().Items.Select(x => x.Id).ShouldContain(ResourceIds.BasicVxNet);
        var foreign = map.Cells.Single(c => c.Address == theirs.PrivateIp).Holder.ShouldNotBeNull();
        foreign.IsOtherTenant.ShouldBeTrue();
        foreign.NicId.ShouldBeEmpty();
        foreign.InstanceId.ShouldBeNull();
        foreign.InstanceName.ShouldBeNull();
        map.Cells.Single(c => c.Address == ours.PrivateIp).Holder.ShouldNotBeNull().NicId.ShouldBe(_a.PrimaryNic);
        check.Refusal.ShouldNotBeNull();
    }

    [Fact]
    public async Task NewResourcesTakeTheCallersTenantAndAServersNicsTheServers()
    {
        await using var db = _h.Db();

        (await db.Vpcs.SingleAsync(v => v.Id == _b.Vpc)).Tenant.ShouldBe("b");
        (await db.VxNets.SingleAsync(x => x.Id == _b.VxNet)).Tenant.ShouldBe("b");
        (await db.Instances.SingleAsync(i => i.Id == _b.Server)).Tenant.ShouldBe("b");
        (await db.Nics.SingleAsync(n => n.Id == _b.PrimaryNic)).Tenant.ShouldBe("b");
        (await db.Jobs.SingleAsync(j => j.Id == _b.Job)).Tenant.ShouldBe("b");
        (await db.VxNets.SingleAsync(x => x.Id == ResourceIds.BasicVxNet)).Tenant.ShouldBe(OperationContext.DefaultTenant);
        (await db.OperationLog.Where(o => o.User == "operator-b").Select(o => o.Tenant).Distinct().ToListAsync()).ShouldBe(["b"]);
    }

    [Fact]
    public async Task AnAdminsChangeToATenantsNicShowsInThatTenantsLogAndJobs()
    {
        var admin = TenantScene.As("ops", Role.Admin);
        var (a, b) = (TenantScene.As(_a.Tenant, Role.Viewer), TenantScene.As(_b.Tenant, Role.Viewer));

        (await S.ModifyNicAsync(admin, new ModifyNic(_b.FreeNic, Name: "renamed"))).Ok();
        var job = (await S.DetachNicsAsync(admin, [_b.AttachedNic])).Ok().JobId;
        await _h.Jobs.RunAllPendingAsync();

        var theirLog = (await S.QueryOperationsAsync(b, new OperationQuery { User = admin.User })).Ok().Items;
        theirLog.Select(o => o.Action).ShouldBe(["DetachNics", "DetachNics", "ModifyNicAttributes"]);
        theirLog.ShouldAllBe(o => o.Tenant == "b");
        (await S.QueryOperationsAsync(a, new OperationQuery { User = admin.User })).Ok().TotalCount.ShouldBe(0);
        (await S.QueryJobsAsync(b, new JobQuery { Ids = [job] })).Ok().Items.Single().Tenant.ShouldBe("b");
        (await S.QueryJobsAsync(a, new JobQuery { Ids = [job] })).Ok().TotalCount.ShouldBe(0);
        (await S.GetNicTimelineAsync(b, _b.FreeNic)).Ok().Entries.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AChangeIsPublishedWithTheTenantOfTheResourcesItChanged()
    {
        var published = new List<ResourceChange>();
        using var subscription = _h.Services.GetRequiredService<IChangeFeed>().Subscribe(published.AddRange);

        (await S.ModifyNicAsync(TenantScene.As("ops", Role.Admin), new ModifyNic(_b.FreeNic, Name: "renamed"))).Ok();
        (await S.ModifyNicAsync(TenantScene.As(_a.Tenant, Role.Operator), new ModifyNic(_a.FreeNic, Name: "renamed"))).Ok();

        published.Select(c => (c.ResourceIds.Single(), c.Tenant)).ShouldBe([(_b.FreeNic, "b"), (_a.FreeNic, "a")]);
    }

    /// <summary>A change with no foreign input: a Viewer is refused, an Operator makes it in its own tenant.</summary>
    private static string? Own(OperationContext caller, Result result) =>
        caller.CanChange
            ? result.Succeeded ? null : $"expected success, got {result.Error}"
            : ReadOnly(result);

    /// <summary>A change naming another tenant's resource: a Viewer is refused as a Viewer, an Operator finds nothing.</summary>
    private static string? Hidden(OperationContext caller, Result result) => caller.CanChange ? NotFound(result) : ReadOnly(result);

    private static string? ReadOnly(Result result) =>
        result.Error is { Code: RetCode.PermissionDenied, Key: nameof(DomainErrors.ReadOnlyRole) } ? null : $"expected ReadOnlyRole, got {Describe(result)}";

    private static string? NotFound(Result result) =>
        result.Error is { Code: RetCode.ResourceNotFound } error && error.Key.EndsWith("NotFound", StringComparison.Ordinal)
            ? null
            : $"expected not found (2100), got {Describe(result)}";

    private static string Describe(Result result) => result.Error?.ToString() ?? "success";

    /// <summary>A list shows exactly the expected ids of tenant A among its rows, and nothing of tenant B.</summary>
    private string? Lists(IEnumerable<string> listed, params string[] expected)
    {
        var rows = listed.ToList();
        var leaked = rows.Where(r => _b.Ids.Any(r.Contains)).ToList();
        if (leaked.Count > 0)
        {
            return $"listed tenant b's {string.Join(", ", leaked)}";
        }
        var missing = expected.Except(rows).ToList();
        return missing.Count > 0 ? $"did not list tenant a's {string.Join(", ", missing)}" : null;
    }

    private string? Logs(IReadOnlyList<OperationLogEntry> entries) =>
        entries.Count == 0 ? "listed no log entries of tenant a"
        : entries.FirstOrDefault(o => o.Tenant != _a.Tenant || _b.Ids.Any(o.ResourceIds.Contains)) is { } leaked
            ? $"listed log entry {leaked.Id} {leaked.Action} {leaked.ResourceIds} of tenant {leaked.Tenant}"
            : null;

    private async Task<string?> DashboardAsync(OperationContext caller)
    {
        var dashboard = (await S.GetDashboardAsync(caller)).Ok();
        var counts = (dashboard.Nics.Total, dashboard.VxNets.Total, dashboard.Vpcs.Total, dashboard.Servers.Total);
        await using var db = _h.Db();
        var tenant = _a.Tenant;
        var expected = (
            await db.Nics.CountAsync(n => n.Tenant == tenant),
            await db.VxNets.CountAsync(x => x.Tenant == tenant || x.Type == VxNetType.Basic),
            await db.Vpcs.CountAsync(v => v.Tenant == tenant && v.Status != VpcStatus.Deleted && v.Status != VpcStatus.Ceased),
            await db.Instances.CountAsync(i => i.Tenant == tenant && i.Status != InstanceStatus.Terminated));
        var shown = dashboard.FullestVxNets.Select(u => u.Id).Concat(dashboard.FullestServers.Select(u => u.Id))
            .Concat(dashboard.LatestOperations.Select(o => o.ResourceIds)).Concat(dashboard.FailedJobs.Select(j => j.Id));
        return Lists(shown, _a.Server) ?? (counts == expected ? null : $"counted {counts}, not tenant a's {expected}")
            ?? (dashboard.LatestOperations.All(o => o.Tenant == _a.Tenant) ? null : "showed another tenant's latest operations");
    }

    private static async Task<List<TOut>> ReadAsync<T, TOut>(Result<IAsyncEnumerable<T>> export, Func<T, TOut> select)
    {
        var rows = new List<TOut>();
        await foreach (var row in export.Ok())
        {
            rows.Add(select(row));
        }
        return rows;
    }
}
