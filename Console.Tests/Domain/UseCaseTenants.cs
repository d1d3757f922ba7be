using NicConsole.Domain.Hosts;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Operations;

namespace NicConsole.Tests.Domain;

/// <summary>
/// Tenant isolation through every method of the domain (<see cref="UseCaseEntries"/>) (one row a method, found by reflection):
/// tenant A's Operator and Viewer cannot list, read or change tenant B's resources, which answer exactly as missing
/// ones do (2100); an Admin sees both tenants; vxnet-0 is everyone's.
/// </summary>
public class UseCaseTenants : IAsyncLifetime
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
        (await _h.Get<RequestNics>().RunAsync(TenantScene.As(_b.Tenant, Role.Operator), new RequestNics.Request(_b.VxNet, "extra"))).Ok();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private DomainHarness S => _h;

    /// <summary>A method tried against tenant B by a caller of tenant A: null when it behaved, else what went wrong.</summary>
    private delegate Task<string?> Attempt(UseCaseTenants t, OperationContext caller);

    private static readonly IReadOnlyDictionary<string, Attempt> Attempts = new Dictionary<string, Attempt>
    {
        [nameof(CreateVpcs)] = async (t, c) => Own(c, await t.S.Get<CreateVpcs>().RunAsync(c, "vpc")),
        [nameof(ModifyVpc)] = async (t, c) =>
            Hidden(c, await t.S.Get<ModifyVpc>().RunAsync(c, t._b.Vpc, "mine", null))
            ?? Hidden(c, await t.S.Get<ModifyVpc>().RunAsync(c, t._a.Vpc, null, null, new DhcpChange(t._b.VxNet, DynIpStart: "172.16.1.10"))),
        [nameof(DeleteVpcs)] = async (t, c) => Hidden(c, await t.S.Get<DeleteVpcs>().RunAsync(c, [t._a.Vpc, t._b.Vpc])),
        [nameof(CreateVxNets)] = async (t, c) => Own(c, await t.S.Get<CreateVxNets>().RunAsync(c, "net")),
        [nameof(ModifyVxNet)] = async (t, c) => Hidden(c, await t.S.Get<ModifyVxNet>().RunAsync(c, t._b.VxNet, "mine", null)),
        [nameof(DeleteVxNets)] = async (t, c) => Hidden(c, await t.S.Get<DeleteVxNets>().RunAsync(c, [t._b.FreeVxNet])),
        [nameof(JoinVpc)] = async (t, c) =>
            Hidden(c, await t.S.Get<JoinVpc>().RunAsync(c, new JoinVpc.Request(t._a.FreeVxNet, t._b.Vpc, "172.16.2.0/24")))
            ?? Hidden(c, await t.S.Get<JoinVpc>().RunAsync(c, new JoinVpc.Request(t._b.FreeVxNet, t._a.Vpc, "172.16.2.0/24"))),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.CheckJoinAsync))] = async (t, c) =>
            NotFound(await t.S.Get<VxNetQueries>().CheckJoinAsync(c, new JoinVpc.Request(t._a.FreeVxNet, t._b.Vpc, "172.16.2.0/24")))
            ?? NotFound(await t.S.Get<VxNetQueries>().CheckJoinAsync(c, new JoinVpc.Request(t._b.FreeVxNet, t._a.Vpc, "172.16.2.0/24"))),
        [nameof(LeaveVpc)] = async (t, c) => Hidden(c, await t.S.Get<LeaveVpc>().RunAsync(c, t._b.Vpc, [t._b.VxNet])),
        [nameof(RequestNics)] = async (t, c) => Hidden(c, await t.S.Get<RequestNics>().RunAsync(c, new RequestNics.Request(t._b.VxNet, "mine"))),
        [nameof(ModifyNic)] = async (t, c) =>
            Hidden(c, await t.S.Get<ModifyNic>().RunAsync(c, new ModifyNic.Request(t._b.FreeNic, Name: "mine")))
            ?? Hidden(c, await t.S.Get<ModifyNic>().RunAsync(c, new ModifyNic.Request(t._a.FreeNic, VxNetId: t._b.VxNet))),
        [nameof(AttachNics)] = async (t, c) =>
            Hidden(c, await t.S.Get<AttachNics>().RunAsync(c, [t._a.FreeNic], t._b.Server))
            ?? Hidden(c, await t.S.Get<AttachNics>().RunAsync(c, [t._b.FreeNic], t._a.Server)),
        [nameof(DetachNics)] = async (t, c) => Hidden(c, await t.S.Get<DetachNics>().RunAsync(c, [t._b.AttachedNic])),
        [nameof(DeleteNics)] = async (t, c) => Hidden(c, await t.S.Get<DeleteNics>().RunAsync(c, [t._b.FreeNic])),
        [nameof(RunInstances)] = async (t, c) =>
            Hidden(c, await t.S.Get<RunInstances>().RunAsync(c, new RunInstances.Request("mine", [new NetworkChoice(ResourceIds.BasicVxNet), new NetworkChoice(t._b.VxNet)]))),
        [nameof(ModifyInstance)] = async (t, c) => Hidden(c, await t.S.Get<ModifyInstance>().RunAsync(c, t._b.Server, "mine", null)),
        [nameof(StartInstances)] = async (t, c) => Hidden(c, await t.S.Get<StartInstances>().RunAsync(c, [t._b.Server])),
        [nameof(StopInstances)] = async (t, c) => Hidden(c, await t.S.Get<StopInstances>().RunAsync(c, [t._b.Server])),
        [nameof(RestartInstances)] = async (t, c) => Hidden(c, await t.S.Get<RestartInstances>().RunAsync(c, [t._b.Server])),
        [nameof(TerminateInstances)] = async (t, c) => Hidden(c, await t.S.Get<TerminateInstances>().RunAsync(c, [t._b.Server])),
        [nameof(RetryJob)] = async (t, c) => Hidden(c, await t.S.Get<RetryJob>().RunAsync(c, t._b.Job)),
        [UseCaseEntries.Of<VpcQueries>(nameof(VpcQueries.QueryAsync))] = async (t, c) =>
            t.Lists((await t.S.Get<VpcQueries>().QueryAsync(c, new VpcQuery())).Ok().Items.Select(v => v.Id), t._a.Vpc)
            ?? t.Lists((await t.S.Get<VpcQueries>().QueryAsync(c, new VpcQuery { Ids = [t._b.Vpc] })).Ok().Items.Select(v => v.Id)),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.QueryAsync))] = async (t, c) =>
            t.Lists((await t.S.Get<VxNetQueries>().QueryAsync(c, new VxNetQuery())).Ok().Items.Select(x => x.Id), ResourceIds.BasicVxNet, t._a.VxNet),
        [UseCaseEntries.Of<NicQueries>(nameof(NicQueries.QueryAsync))] = async (t, c) =>
            t.Lists((await t.S.Get<NicQueries>().QueryAsync(c, new NicQuery())).Ok().Items.Select(n => n.Id), t._a.PrimaryNic, t._a.AttachedNic)
            ?? t.Lists((await t.S.Get<NicQueries>().QueryAsync(c, new NicQuery { VxNetIds = [ResourceIds.BasicVxNet] })).Ok().Items.Select(n => n.Id), t._a.PrimaryNic)
            ?? t.Lists((await t.S.Get<NicQueries>().QueryAsync(c, new NicQuery { Ids = [t._b.FreeNic.ToUpperInvariant()] })).Ok().Items.Select(n => n.Id)),
        [UseCaseEntries.Of<InstanceQueries>(nameof(InstanceQueries.QueryAsync))] = async (t, c) =>
            t.Lists((await t.S.Get<InstanceQueries>().QueryAsync(c, new InstanceQuery())).Ok().Items.Select(i => i.Id), t._a.Server)
            ?? t.Lists((await t.S.Get<InstanceQueries>().QueryAsync(c, new InstanceQuery { Ids = [t._b.Server] })).Ok().Items.Select(i => i.Id)),
        [UseCaseEntries.Of<JobQueries>(nameof(JobQueries.QueryAsync))] = async (t, c) =>
            t.Lists((await t.S.Get<JobQueries>().QueryAsync(c, new JobQuery())).Ok().Items.Select(j => j.Id), t._a.Job)
            ?? t.Lists((await t.S.Get<JobQueries>().QueryAsync(c, new JobQuery { ResourceId = t._b.Server })).Ok().Items.Select(j => j.Id)),
        [UseCaseEntries.Of<OperationQueries>(nameof(OperationQueries.QueryAsync))] = async (t, c) =>
            t.Logs((await t.S.Get<OperationQueries>().QueryAsync(c, new OperationQuery { Page = new PageRequest(Limit: Limits.MaxPageSize) })).Ok().Items)
            ?? t.Lists((await t.S.Get<OperationQueries>().QueryAsync(c, new OperationQuery { ResourceId = t._b.FreeNic })).Ok().Items.Select(o => o.ResourceIds)),
        [UseCaseEntries.Of<DashboardQueries>(nameof(DashboardQueries.GetAsync))] = async (t, c) => await t.DashboardAsync(c),
        [UseCaseEntries.Of<DashboardQueries>(nameof(DashboardQueries.RefreshAsync))] = async (t, c) => await t.DashboardAsync(c, refreshed: true),
        [UseCaseEntries.Of<VpcQueries>(nameof(VpcQueries.Export))] = async (t, c) => t.Lists(await ReadAsync(t.S.Get<VpcQueries>().Export(c, new VpcQuery()), v => v.Id), t._a.Vpc),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.Export))] = async (t, c) =>
            t.Lists(await ReadAsync(t.S.Get<VxNetQueries>().Export(c, new VxNetQuery()), x => x.Id), ResourceIds.BasicVxNet, t._a.VxNet),
        [UseCaseEntries.Of<NicQueries>(nameof(NicQueries.Export))] = async (t, c) =>
            t.Lists(await ReadAsync(t.S.Get<NicQueries>().Export(c, new NicQuery()), n => n.Id), t._a.PrimaryNic, t._a.FreeNic, t._a.AttachedNic),
        [UseCaseEntries.Of<InstanceQueries>(nameof(InstanceQueries.Export))] = async (t, c) =>
            t.Lists(await ReadAsync(t.S.Get<InstanceQueries>().Export(c, new InstanceQuery()), i => i.Id), t._a.Server),
        [UseCaseEntries.Of<JobQueries>(nameof(JobQueries.Export))] = async (t, c) => t.Lists(await ReadAsync(t.S.Get<JobQueries>().Export(c, new JobQuery()), j => j.Id), t._a.Job),
        [UseCaseEntries.Of<OperationQueries>(nameof(OperationQueries.Export))] = async (t, c) => t.Logs(await ReadAsync(t.S.Get<OperationQueries>().Export(c, new OperationQuery()), o => o)),
        [UseCaseEntries.Of<NicQueries>(nameof(NicQueries.TimelineAsync))] = async (t, c) => NotFound(await t.S.Get<NicQueries>().TimelineAsync(c, t._b.AttachedNic)),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.AddressMapAsync))] = async (t, c) => NotFound(await t.S.Get<VxNetQueries>().AddressMapAsync(c, t._b.VxNet)),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.CheckAddressAsync))] = async (t, c) => NotFound(await t.S.Get<VxNetQueries>().CheckAddressAsync(c, t._b.VxNet, "172.16.1.99")),
        [UseCaseEntries.Of<GuestQueries>(nameof(GuestQueries.ReadAsync))] = async (t, c) => NotFound(await t.S.Get<GuestQueries>().ReadAsync(c, t._b.Server)),
        [UseCaseEntries.Of<GuestQueries>(nameof(GuestQueries.TargetsAsync))] = async (t, c) => NotFound(await t.S.Get<GuestQueries>().TargetsAsync(c, t._b.Server)),
        [nameof(CheckConnectivity)] = async (t, c) => Hidden(c, await t.S.Get<CheckConnectivity>().RunAsync(c, new CheckConnectivity.Request(t._b.Server, "10.120.7.1"))),
        // Hosts belong to no tenant: only an Admin sees or changes them.
        [nameof(RegisterHost)] = async (t, c) => Denied(await t.S.Get<RegisterHost>().RunAsync(c, new RegisterHost.Request("h-t", DomainHarness.Zone, "192.0.2.60"))),
        [nameof(DrainHost)] = async (t, c) => Denied(await t.S.Get<DrainHost>().RunAsync(c, Hypervisor.DefaultName, true)),
        [nameof(ModifyHost)] = async (t, c) => Denied(await t.S.Get<ModifyHost>().RunAsync(c, new ModifyHost.Request(Hypervisor.DefaultName, MaxServers: 1))),
        [nameof(RotateHostToken)] = async (t, c) => Denied(await t.S.Get<RotateHostToken>().RunAsync(c, Hypervisor.DefaultName)),
        [nameof(RemoveHost)] = async (t, c) => Denied(await t.S.Get<RemoveHost>().RunAsync(c, Hypervisor.DefaultName)),
        [UseCaseEntries.Of<HostQueries>(nameof(HostQueries.ListAsync))] = async (t, c) => Denied(await t.S.Get<HostQueries>().ListAsync(c)),
    };

    public static TheoryData<Role> TenantRoles => new(Role.Operator, Role.Viewer);

    [Fact]
    public void EveryMethodOfTheServiceHasARow() =>
        UseCaseEntries.All.Order().ShouldBe(Attempts.Keys.Order());

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

        var foreign = (await S.Get<ModifyNic>().RunAsync(caller, new ModifyNic.Request(_b.FreeNic, Name: "x"))).Refused(RetCode.ResourceNotFound);
        var absent = (await S.Get<ModifyNic>().RunAsync(caller, new ModifyNic.Request(missing, Name: "x"))).Refused(RetCode.ResourceNotFound);

        foreign.ToString().ShouldBe(absent.ToString().Replace(missing, _b.FreeNic));
        foreign.ToString().ShouldBe(DomainErrors.NicNotFound(_b.FreeNic).ToString());
    }

    [Fact]
    public async Task AnOperatorAttachingItsNicToAnotherTenantsServerFindsNoServer()
    {
        var before = await _h.SnapshotAsync();

        var refused = (await S.Get<AttachNics>().RunAsync(TenantScene.As(_a.Tenant, Role.Operator), [_a.FreeNic], _b.Server)).Refused(RetCode.ResourceNotFound);

        refused.ToString().ShouldBe(DomainErrors.InstanceNotFound(_b.Server).ToString());
        (await _h.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnAdminCannotMixTenantsInOneChange()
    {
        var admin = TenantScene.As("ops", Role.Admin);
        var before = await _h.SnapshotAsync();

        var attach = (await S.Get<AttachNics>().RunAsync(admin, [_a.FreeNic], _b.Server)).Refused(RetCode.InvalidParameter);
        var detach = (await S.Get<DetachNics>().RunAsync(admin, [_a.AttachedNic, _b.AttachedNic])).Refused(RetCode.InvalidParameter);
        var run = (await S.Get<RunInstances>().RunAsync(admin, new RunInstances.Request("x", [new NetworkChoice(ResourceIds.BasicVxNet), new NetworkChoice(_b.VxNet)])))
            .Refused(RetCode.InvalidParameter);
        var join = (await S.Get<JoinVpc>().RunAsync(admin, new JoinVpc.Request(_a.FreeVxNet, _b.Vpc, "172.16.2.0/24"))).Refused(RetCode.InvalidParameter);

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

        var nics = (await S.Get<NicQueries>().QueryAsync(admin, new NicQuery { Page = new PageRequest(Limit: Limits.MaxPageSize) })).Ok().Items.Select(n => n.Id).ToList();
        var jobs = (await S.Get<JobQueries>().QueryAsync(admin, new JobQuery { Page = new PageRequest(Limit: Limits.MaxPageSize) })).Ok().Items.Select(j => j.Id).ToList();
        var log = (await S.Get<OperationQueries>().QueryAsync(admin, new OperationQuery { Page = new PageRequest(Limit: Limits.MaxPageSize) })).Ok().Items;
        var dashboard = (await S.Get<DashboardQueries>().GetAsync(admin)).Ok();
        var timeline = (await S.Get<NicQueries>().TimelineAsync(admin, _b.AttachedNic)).Ok();

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

        var map = (await S.Get<VxNetQueries>().AddressMapAsync(caller, ResourceIds.BasicVxNet)).Ok();
        var check = (await S.Get<VxNetQueries>().CheckAddressAsync(caller, ResourceIds.BasicVxNet, theirs.PrivateIp.ToString(), primary: true)).Ok();

        (await S.Get<VxNetQueries>().QueryAsync(TenantScene.As(_b.Tenant, Role.Viewer), new VxNetQuery())).Ok().Items.Select(x => x.Id).ShouldContain(ResourceIds.BasicVxNet);
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

        (await S.Get<ModifyNic>().RunAsync(admin, new ModifyNic.Request(_b.FreeNic, Name: "renamed"))).Ok();
        var job = (await S.Get<DetachNics>().RunAsync(admin, [_b.AttachedNic])).Ok().JobId;
        await _h.Jobs.RunAllPendingAsync();

        var theirLog = (await S.Get<OperationQueries>().QueryAsync(b, new OperationQuery { User = admin.User })).Ok().Items;
        theirLog.Select(o => o.Action).ShouldBe(["DetachNics", "DetachNics", "ModifyNicAttributes"]);
        theirLog.ShouldAllBe(o => o.Tenant == "b");
        (await S.Get<OperationQueries>().QueryAsync(a, new OperationQuery { User = admin.User })).Ok().TotalCount.ShouldBe(0);
        (await S.Get<JobQueries>().QueryAsync(b, new JobQuery { Ids = [job] })).Ok().Items.Single().Tenant.ShouldBe("b");
        (await S.Get<JobQueries>().QueryAsync(a, new JobQuery { Ids = [job] })).Ok().TotalCount.ShouldBe(0);
        (await S.Get<NicQueries>().TimelineAsync(b, _b.FreeNic)).Ok().Entries.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task AChangeIsPublishedWithTheTenantOfTheResourcesItChanged()
    {
        var published = new List<ResourceChange>();
        using var subscription = _h.Services.GetRequiredService<IChangeFeed>().Subscribe(published.AddRange);

        (await S.Get<ModifyNic>().RunAsync(TenantScene.As("ops", Role.Admin), new ModifyNic.Request(_b.FreeNic, Name: "renamed"))).Ok();
        (await S.Get<ModifyNic>().RunAsync(TenantScene.As(_a.Tenant, Role.Operator), new ModifyNic.Request(_a.FreeNic, Name: "renamed"))).Ok();

        published.Select(c => (c.ResourceIds.Single(), c.Tenant)).ShouldBe([(_b.FreeNic, "b"), (_a.FreeNic, "a")]);
    }

    /// <summary>A change with no foreign input: a Viewer is refused, an Operator makes it in its own tenant.</summary>
    private static string? Own(OperationContext caller, Result result) =>
        caller.CanChange
            ? result.Succeeded ? null : $"expected success, got {result.Error}"
            : ReadOnly(result);

    /// <summary>A change naming another tenant's resource: a Viewer is refused as a Viewer, an Operator finds nothing.</summary>
    private static string? Hidden(OperationContext caller, Result result) => caller.CanChange ? NotFound(result) : ReadOnly(result);

    /// <summary>Something only an Admin may see or do: a tenant's caller is refused (1400), as a Viewer or as not an Admin.</summary>
    private static string? Denied(Result result) =>
        result.Error is { Code: RetCode.PermissionDenied, Key: nameof(DomainErrors.ReadOnlyRole) or nameof(DomainErrors.AdminOnly) } ? null : $"expected 1400, got {Describe(result)}";

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

    /// <param name="refreshed">Brought up to date with a change of tenant b's that a tenant a caller does not count.</param>
    private async Task<string?> DashboardAsync(OperationContext caller, bool refreshed = false)
    {
        var dashboard = (await S.Get<DashboardQueries>().GetAsync(caller)).Ok();
        if (refreshed)
        {
            var theirs = new NicConsole.Domain.Changes.ResourceChange("CreateNics", [_b.FreeNic], OperationResult.Succeeded, null, caller.Zone, _b.Tenant, null,
                [new(NicConsole.Domain.Changes.ResourceKinds.Nic, "52:54:00:ff:ff:ff", [_b.VxNet], null, new("available", false))], dashboard.Commit + 1);
            dashboard = (await S.Get<DashboardQueries>().RefreshAsync(caller, dashboard, [theirs])).Ok();
        }
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
