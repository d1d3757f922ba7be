using NicConsole.Domain.Hosts;
using Microsoft.Extensions.Time.Testing;
using NicConsole.Domain.Operations;

namespace NicConsole.Tests.Domain;

/// <summary>
/// The authorization matrix: each role × each use case of the domain (<see cref="UseCaseEntries"/>), one row a method, found by
/// reflection so that a new method without a row fails. A Viewer reads everything and changes nothing (1400, the
/// database untouched, nothing logged); an Operator and an Admin do everything.
/// </summary>
public class UseCaseRoles : IAsyncLifetime
{
    private const string Tenant = "a";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private DomainHarness _h = null!;
    private string? _vxnet;

    public async Task InitializeAsync() =>
        _h = await DomainHarness.StartAsync(time: _time, configure: s => s.AddSingleton<NicConsole.Domain.DataPlane.IGuestProbe>(new FakeGuestProbe()));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>
    /// A use case: whether it changes state, and how to prepare what it needs and then call it; one that changes nothing
    /// may still refuse a Viewer (it acts on a host: the connectivity check).
    /// </summary>
    private sealed record UseCase(bool Changes, Func<UseCaseRoles, Task<Func<OperationContext, Task<Result>>>> Prepare, bool RefusesViewer = false, bool AdminOnly = false);

    private static readonly IReadOnlyDictionary<string, UseCase> UseCases = new Dictionary<string, UseCase>
    {
        [nameof(CreateVpcs)] = Change(t => Call(c => t.S.Get<CreateVpcs>().RunAsync(c, "vpc"))),
        [nameof(ModifyVpc)] = Change(async t =>
        {
            var vpc = await t.VpcAsync();
            return Call(c => t.S.Get<ModifyVpc>().RunAsync(c, vpc, "renamed", null));
        }),
        [nameof(DeleteVpcs)] = Change(async t =>
        {
            var vpc = await t.VpcAsync();
            return Call(c => t.S.Get<DeleteVpcs>().RunAsync(c, [vpc]));
        }),
        [nameof(CreateVxNets)] = Change(t => Call(c => t.S.Get<CreateVxNets>().RunAsync(c, "net"))),
        [nameof(ModifyVxNet)] = Change(async t =>
        {
            var vxnet = await t.FreeVxNetAsync();
            return Call(c => t.S.Get<ModifyVxNet>().RunAsync(c, vxnet, "renamed", null));
        }),
        [nameof(DeleteVxNets)] = Change(async t =>
        {
            var vxnet = await t.FreeVxNetAsync();
            return Call(c => t.S.Get<DeleteVxNets>().RunAsync(c, [vxnet]));
        }),
        [nameof(JoinVpc)] = Change(async t =>
        {
            var (vpc, vxnet) = (await t.VpcAsync(), await t.FreeVxNetAsync());
            return Call(c => t.S.Get<JoinVpc>().RunAsync(c, new JoinVpc.Request(vxnet, vpc, "172.16.9.0/24")));
        }),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.CheckJoinAsync))] = Read(async t =>
        {
            var (vpc, vxnet) = (await t.VpcAsync(), await t.FreeVxNetAsync());
            return Call(c => t.S.Get<VxNetQueries>().CheckJoinAsync(c, new JoinVpc.Request(vxnet, vpc, "172.16.9.0/24")));
        }),
        [nameof(LeaveVpc)] = Change(async t =>
        {
            var vpc = await t.VpcAsync();
            var vxnet = await t.FreeVxNetAsync();
            (await t.S.Get<JoinVpc>().RunAsync(t.Setup, new JoinVpc.Request(vxnet, vpc, "172.16.9.0/24"))).Ok();
            await t._h.Jobs.RunAllPendingAsync();
            return Call(c => t.S.Get<LeaveVpc>().RunAsync(c, vpc, [vxnet]));
        }),
        [nameof(RequestNics)] = Change(async t =>
        {
            var vxnet = await t.JoinedVxNetAsync();
            return Call(c => t.S.Get<RequestNics>().RunAsync(c, new RequestNics.Request(vxnet, "nic")));
        }),
        [nameof(ModifyNic)] = Change(async t =>
        {
            var nic = await t.FreeNicAsync();
            return Call(c => t.S.Get<ModifyNic>().RunAsync(c, new ModifyNic.Request(nic, Name: "renamed")));
        }),
        [nameof(AttachNics)] = Change(async t =>
        {
            var (nic, server) = (await t.FreeNicAsync(), await t.ServerAsync());
            return Call(c => t.S.Get<AttachNics>().RunAsync(c, [nic], server));
        }),
        [nameof(DetachNics)] = Change(async t =>
        {
            var (nic, server) = (await t.FreeNicAsync(), await t.ServerAsync());
            (await t.S.Get<AttachNics>().RunAsync(t.Setup, [nic], server)).Ok();
            await t._h.Jobs.RunAllPendingAsync();
            return Call(c => t.S.Get<DetachNics>().RunAsync(c, [nic]));
        }),
        [nameof(DeleteNics)] = Change(async t =>
        {
            var nic = await t.FreeNicAsync();
            return Call(c => t.S.Get<DeleteNics>().RunAsync(c, [nic]));
        }),
        [nameof(RunInstances)] = Change(t => Call(c => t.S.Get<RunInstances>().RunAsync(c, new RunInstances.Request("host", [new NetworkChoice(ResourceIds.BasicVxNet)])))),
        [nameof(ModifyInstance)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.Get<ModifyInstance>().RunAsync(c, server, "renamed", null));
        }),
        [nameof(StartInstances)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            (await t.S.Get<StopInstances>().RunAsync(t.Setup, [server])).Ok();
            await t._h.Jobs.RunAllPendingAsync();
            return Call(c => t.S.Get<StartInstances>().RunAsync(c, [server]));
        }),
        [nameof(StopInstances)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.Get<StopInstances>().RunAsync(c, [server]));
        }),
        [nameof(RestartInstances)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.Get<RestartInstances>().RunAsync(c, [server]));
        }),
        [nameof(TerminateInstances)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.Get<TerminateInstances>().RunAsync(c, [server]));
        }),
        [nameof(RetryJob)] = Change(async t =>
        {
            var (nic, server) = (await t.FreeNicAsync(), await t.ServerAsync());
            var job = (await t.S.Get<AttachNics>().RunAsync(t.Setup, [nic], server)).Ok().JobId;
            t._time.Advance(TimeSpan.FromMinutes(10));
            return Call(c => t.S.Get<RetryJob>().RunAsync(c, job));
        }),
        [UseCaseEntries.Of<VpcQueries>(nameof(VpcQueries.QueryAsync))] = Read(t => Call(c => t.S.Get<VpcQueries>().QueryAsync(c, new VpcQuery()))),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.QueryAsync))] = Read(t => Call(c => t.S.Get<VxNetQueries>().QueryAsync(c, new VxNetQuery()))),
        [UseCaseEntries.Of<NicQueries>(nameof(NicQueries.QueryAsync))] = Read(t => Call(c => t.S.Get<NicQueries>().QueryAsync(c, new NicQuery()))),
        [UseCaseEntries.Of<InstanceQueries>(nameof(InstanceQueries.QueryAsync))] = Read(t => Call(c => t.S.Get<InstanceQueries>().QueryAsync(c, new InstanceQuery()))),
        [UseCaseEntries.Of<JobQueries>(nameof(JobQueries.QueryAsync))] = Read(t => Call(c => t.S.Get<JobQueries>().QueryAsync(c, new JobQuery()))),
        [UseCaseEntries.Of<OperationQueries>(nameof(OperationQueries.QueryAsync))] = Read(t => Call(c => t.S.Get<OperationQueries>().QueryAsync(c, new OperationQuery()))),
        [UseCaseEntries.Of<DashboardQueries>(nameof(DashboardQueries.GetAsync))] = Read(t => Call(c => t.S.Get<DashboardQueries>().GetAsync(c))),
        [UseCaseEntries.Of<DashboardQueries>(nameof(DashboardQueries.RefreshAsync))] = Read(async t =>
        {
            var shown = (await t.S.Get<DashboardQueries>().GetAsync(OperationContext.System("admin", DomainHarness.Zone))).Ok();
            return Call(c => t.S.Get<DashboardQueries>().RefreshAsync(c, shown, []));
        }),
        [UseCaseEntries.Of<VpcQueries>(nameof(VpcQueries.Export))] = Read(t => Call(c => Drain(t.S.Get<VpcQueries>().Export(c, new VpcQuery())))),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.Export))] = Read(t => Call(c => Drain(t.S.Get<VxNetQueries>().Export(c, new VxNetQuery())))),
        [UseCaseEntries.Of<NicQueries>(nameof(NicQueries.Export))] = Read(t => Call(c => Drain(t.S.Get<NicQueries>().Export(c, new NicQuery())))),
        [UseCaseEntries.Of<InstanceQueries>(nameof(InstanceQueries.Export))] = Read(t => Call(c => Drain(t.S.Get<InstanceQueries>().Export(c, new InstanceQuery())))),
        [UseCaseEntries.Of<JobQueries>(nameof(JobQueries.Export))] = Read(t => Call(c => Drain(t.S.Get<JobQueries>().Export(c, new JobQuery())))),
        [UseCaseEntries.Of<OperationQueries>(nameof(OperationQueries.Export))] = Read(t => Call(c => Drain(t.S.Get<OperationQueries>().Export(c, new OperationQuery())))),
        [UseCaseEntries.Of<NicQueries>(nameof(NicQueries.TimelineAsync))] = Read(async t =>
        {
            var nic = await t.FreeNicAsync();
            return Call(c => t.S.Get<NicQueries>().TimelineAsync(c, nic));
        }),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.AddressMapAsync))] = Read(async t =>
        {
            var vxnet = await t.JoinedVxNetAsync();
            return Call(c => t.S.Get<VxNetQueries>().AddressMapAsync(c, vxnet));
        }),
        [UseCaseEntries.Of<VxNetQueries>(nameof(VxNetQueries.CheckAddressAsync))] = Read(async t =>
        {
            var vxnet = await t.JoinedVxNetAsync();
            return Call(c => t.S.Get<VxNetQueries>().CheckAddressAsync(c, vxnet, "172.16.1.99"));
        }),
        [UseCaseEntries.Of<GuestQueries>(nameof(GuestQueries.ReadAsync))] = Read(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.Get<GuestQueries>().ReadAsync(c, server));
        }),
        [UseCaseEntries.Of<GuestQueries>(nameof(GuestQueries.TargetsAsync))] = Read(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.Get<GuestQueries>().TargetsAsync(c, server));
        }),
        [nameof(CheckConnectivity)] = new(false, async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.Get<CheckConnectivity>().RunAsync(c, new CheckConnectivity.Request(server, "10.120.7.1")));
        }, RefusesViewer: true),
        [nameof(RegisterHost)] = Change(t => Call(c => t.S.Get<RegisterHost>().RunAsync(c, new RegisterHost.Request("h-role", DomainHarness.Zone, "192.0.2.50")))) with { AdminOnly = true },
        [nameof(DrainHost)] = Change(t => Call(c => t.S.Get<DrainHost>().RunAsync(c, Hypervisor.DefaultName, true))) with { AdminOnly = true },
        [nameof(ModifyHost)] = Change(t => Call(c => t.S.Get<ModifyHost>().RunAsync(c, new ModifyHost.Request(Hypervisor.DefaultName, MaxServers: 500)))) with { AdminOnly = true },
        [nameof(RotateHostToken)] = Change(t => Call(c => t.S.Get<RotateHostToken>().RunAsync(c, Hypervisor.DefaultName))) with { AdminOnly = true },
        [nameof(RemoveHost)] = Change(async t =>
        {
            (await t.S.Get<RegisterHost>().RunAsync(t.S.Context, new RegisterHost.Request("h-empty", DomainHarness.Zone, "192.0.2.51"))).Ok();
            return Call(c => t.S.Get<RemoveHost>().RunAsync(c, "h-empty"));
        }) with { AdminOnly = true },
        [UseCaseEntries.Of<HostQueries>(nameof(HostQueries.ListAsync))] = Read(t => Call(c => t.S.Get<HostQueries>().ListAsync(c))) with { AdminOnly = true },
    };

    public static TheoryData<Role> Roles => new(Role.Viewer, Role.Operator, Role.Admin);

    [Fact]
    public void EveryMethodOfTheServiceHasARow()
    {
        var methods = UseCaseEntries.All;

        methods.ShouldBeUnique();
        methods.Order().ShouldBe(UseCases.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRoleChangesOnlyWhatItsRoleAllowsAndReadsEverything(Role role)
    {
        var caller = TenantScene.As(Tenant, role);
        var wrong = new List<string>();

        foreach (var (method, useCase) in UseCases)
        {
            var call = await useCase.Prepare(this);
            var before = await _h.SnapshotAsync();
            var result = await call(caller);
            var after = await _h.SnapshotAsync();

            var readOnly = (useCase.Changes || useCase.RefusesViewer) && !caller.CanChange;
            if (readOnly && (result.Error?.Code != RetCode.PermissionDenied || result.Error.Key != nameof(DomainErrors.ReadOnlyRole)))
            {
                wrong.Add($"{method}: expected ReadOnlyRole (1400), got {result.Error?.ToString() ?? "success"}");
            }
            // Hosts are an Admin's alone: anyone else who may change things (or any reader) is refused as not an Admin.
            var notAdmin = useCase.AdminOnly && !caller.IsAdmin && !readOnly;
            if (notAdmin && (result.Error?.Code != RetCode.PermissionDenied || result.Error.Key != nameof(DomainErrors.AdminOnly)))
            {
                wrong.Add($"{method}: expected AdminOnly (1400), got {result.Error?.ToString() ?? "success"}");
            }
            var refused = readOnly || notAdmin;
            if (!refused && !result.Succeeded)
            {
                wrong.Add($"{method}: expected success, got {result.Error}");
            }
            if ((refused || !useCase.Changes) && before != after)
            {
                wrong.Add($"{method}: changed the database");
            }
            if (useCase.Changes && !refused && before == after)
            {
                wrong.Add($"{method}: succeeded without changing anything");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task AViewerIsRefusedBeforeTheRequestIsEvenChecked()
    {
        var viewer = TenantScene.As(Tenant, Role.Viewer);

        var refused = (await _h.Get<DeleteNics>().RunAsync(viewer, [])).Refused(RetCode.PermissionDenied);

        refused.ToString().ShouldBe(DomainErrors.ReadOnlyRole(viewer.User).ToString());
    }

    private DomainHarness S => _h;

    private OperationContext Setup { get; } = TenantScene.As(Tenant, Role.Operator);

    private async Task<string> VpcAsync()
    {
        var vpc = (await S.Get<CreateVpcs>().RunAsync(Setup, "vpc", "172.16.0.0/16")).Ok().ResourceIds[0];
        await _h.Jobs.RunAllPendingAsync();
        return vpc;
    }

    private async Task<string> FreeVxNetAsync() => (await S.Get<CreateVxNets>().RunAsync(Setup, "net")).Ok()[0];

    /// <summary>One VxNet joined to a VPC, shared by the rows that only need somewhere to put NICs.</summary>
    private async Task<string> JoinedVxNetAsync()
    {
        if (_vxnet is null)
        {
            var (vpc, vxnet) = (await VpcAsync(), await FreeVxNetAsync());
            (await S.Get<JoinVpc>().RunAsync(Setup, new JoinVpc.Request(vxnet, vpc, "172.16.1.0/24"))).Ok();
            await _h.Jobs.RunAllPendingAsync();
            _vxnet = vxnet;
        }
        return _vxnet;
    }

    private async Task<string> FreeNicAsync() =>
        (await S.Get<RequestNics>().RunAsync(Setup, new RequestNics.Request(await JoinedVxNetAsync(), "nic"))).Ok()[0].NicId;

    private async Task<string> ServerAsync()
    {
        var server = (await S.Get<RunInstances>().RunAsync(Setup, new RunInstances.Request("host", [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds[0];
        await _h.Jobs.RunAllPendingAsync();
        return server;
    }

    private static UseCase Change(Func<UseCaseRoles, Task<Func<OperationContext, Task<Result>>>> prepare) => new(true, prepare);

    private static UseCase Change(Func<UseCaseRoles, Func<OperationContext, Task<Result>>> prepare) => new(true, t => Task.FromResult(prepare(t)));

    private static UseCase Read(Func<UseCaseRoles, Task<Func<OperationContext, Task<Result>>>> prepare) => new(false, prepare);

    private static UseCase Read(Func<UseCaseRoles, Func<OperationContext, Task<Result>>> prepare) => new(false, t => Task.FromResult(prepare(t)));

    private static Func<OperationContext, Task<Result>> Call<T>(Func<OperationContext, Task<Result<T>>> call) => async c => await call(c);

    private static async Task<Result<int>> Drain<T>(Result<IAsyncEnumerable<T>> export)
    {
        if (!export.Succeeded)
        {
            return export.Error!;
        }
        var count = 0;
        await foreach (var _ in export.Value)
        {
            count++;
        }
        return count;
    }
}
