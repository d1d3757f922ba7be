using Microsoft.Extensions.Time.Testing;
using NicConsole.Domain.Operations;

namespace NicConsole.Tests.Domain.Services;

/// <summary>
/// The authorization matrix: each role × each use case of <see cref="INetworkService"/>, one row a method, found by
/// reflection so that a new method without a row fails. A Viewer reads everything and changes nothing (1400, the
/// database untouched, nothing logged); an Operator and an Admin do everything.
/// </summary>
public class NetworkServiceRoles : IAsyncLifetime
{
    private const string Tenant = "a";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private DomainHarness _h = null!;
    private string? _vxnet;

    public async Task InitializeAsync() => _h = await DomainHarness.StartAsync(time: _time);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>A use case: whether it changes state, and how to prepare what it needs and then call it.</summary>
    private sealed record UseCase(bool Changes, Func<NetworkServiceRoles, Task<Func<OperationContext, Task<Result>>>> Prepare);

    private static readonly IReadOnlyDictionary<string, UseCase> UseCases = new Dictionary<string, UseCase>
    {
        [nameof(INetworkService.CreateVpcsAsync)] = Change(t => Call(c => t.S.CreateVpcsAsync(c, "vpc"))),
        [nameof(INetworkService.ModifyVpcAsync)] = Change(async t =>
        {
            var vpc = await t.VpcAsync();
            return Call(c => t.S.ModifyVpcAsync(c, vpc, "renamed", null));
        }),
        [nameof(INetworkService.DeleteVpcsAsync)] = Change(async t =>
        {
            var vpc = await t.VpcAsync();
            return Call(c => t.S.DeleteVpcsAsync(c, [vpc]));
        }),
        [nameof(INetworkService.CreateVxNetsAsync)] = Change(t => Call(c => t.S.CreateVxNetsAsync(c, "net"))),
        [nameof(INetworkService.ModifyVxNetAsync)] = Change(async t =>
        {
            var vxnet = await t.FreeVxNetAsync();
            return Call(c => t.S.ModifyVxNetAsync(c, vxnet, "renamed", null));
        }),
        [nameof(INetworkService.DeleteVxNetsAsync)] = Change(async t =>
        {
            var vxnet = await t.FreeVxNetAsync();
            return Call(c => t.S.DeleteVxNetsAsync(c, [vxnet]));
        }),
        [nameof(INetworkService.JoinVpcAsync)] = Change(async t =>
        {
            var (vpc, vxnet) = (await t.VpcAsync(), await t.FreeVxNetAsync());
            return Call(c => t.S.JoinVpcAsync(c, new JoinVpc(vxnet, vpc, "172.16.9.0/24")));
        }),
        [nameof(INetworkService.CheckJoinAsync)] = Read(async t =>
        {
            var (vpc, vxnet) = (await t.VpcAsync(), await t.FreeVxNetAsync());
            return Call(c => t.S.CheckJoinAsync(c, new JoinVpc(vxnet, vpc, "172.16.9.0/24")));
        }),
        [nameof(INetworkService.LeaveVpcAsync)] = Change(async t =>
        {
            var vpc = await t.VpcAsync();
            var vxnet = await t.FreeVxNetAsync();
            (await t.S.JoinVpcAsync(t.Setup, new JoinVpc(vxnet, vpc, "172.16.9.0/24"))).Ok();
            await t._h.Jobs.RunAllPendingAsync();
            return Call(c => t.S.LeaveVpcAsync(c, vpc, [vxnet]));
        }),
        [nameof(INetworkService.RequestNicsAsync)] = Change(async t =>
        {
            var vxnet = await t.JoinedVxNetAsync();
            return Call(c => t.S.RequestNicsAsync(c, new RequestNics(vxnet, "nic")));
        }),
        [nameof(INetworkService.ModifyNicAsync)] = Change(async t =>
        {
            var nic = await t.FreeNicAsync();
            return Call(c => t.S.ModifyNicAsync(c, new ModifyNic(nic, Name: "renamed")));
        }),
        [nameof(INetworkService.AttachNicsAsync)] = Change(async t =>
        {
            var (nic, server) = (await t.FreeNicAsync(), await t.ServerAsync());
            return Call(c => t.S.AttachNicsAsync(c, [nic], server));
        }),
        [nameof(INetworkService.DetachNicsAsync)] = Change(async t =>
        {
            var (nic, server) = (await t.FreeNicAsync(), await t.ServerAsync());
            (await t.S.AttachNicsAsync(t.Setup, [nic], server)).Ok();
            await t._h.Jobs.RunAllPendingAsync();
            return Call(c => t.S.DetachNicsAsync(c, [nic]));
        }),
        [nameof(INetworkService.DeleteNicsAsync)] = Change(async t =>
        {
            var nic = await t.FreeNicAsync();
            return Call(c => t.S.DeleteNicsAsync(c, [nic]));
        }),
        [nameof(INetworkService.RunInstancesAsync)] = Change(t => Call(c => t.S.RunInstancesAsync(c, new RunInstances("host", [new NetworkChoice(ResourceIds.BasicVxNet)])))),
        [nameof(INetworkService.ModifyInstanceAsync)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.ModifyInstanceAsync(c, server, "renamed", null));
        }),
        [nameof(INetworkService.StartInstancesAsync)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            (await t.S.StopInstancesAsync(t.Setup, [server])).Ok();
            await t._h.Jobs.RunAllPendingAsync();
            return Call(c => t.S.StartInstancesAsync(c, [server]));
        }),
        [nameof(INetworkService.StopInstancesAsync)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.StopInstancesAsync(c, [server]));
        }),
        [nameof(INetworkService.RestartInstancesAsync)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.RestartInstancesAsync(c, [server]));
        }),
        [nameof(INetworkService.TerminateInstancesAsync)] = Change(async t =>
        {
            var server = await t.ServerAsync();
            return Call(c => t.S.TerminateInstancesAsync(c, [server]));
        }),
        [nameof(INetworkService.RetryJobAsync)] = Change(async t =>
        {
            var (nic, server) = (await t.FreeNicAsync(), await t.ServerAsync());
            var job = (await t.S.AttachNicsAsync(t.Setup, [nic], server)).Ok().JobId;
            t._time.Advance(TimeSpan.FromMinutes(10));
            return Call(c => t.S.RetryJobAsync(c, job));
        }),
        [nameof(INetworkService.QueryVpcsAsync)] = Read(t => Call(c => t.S.QueryVpcsAsync(c, new VpcQuery()))),
        [nameof(INetworkService.QueryVxNetsAsync)] = Read(t => Call(c => t.S.QueryVxNetsAsync(c, new VxNetQuery()))),
        [nameof(INetworkService.QueryNicsAsync)] = Read(t => Call(c => t.S.QueryNicsAsync(c, new NicQuery()))),
        [nameof(INetworkService.QueryInstancesAsync)] = Read(t => Call(c => t.S.QueryInstancesAsync(c, new InstanceQuery()))),
        [nameof(INetworkService.QueryJobsAsync)] = Read(t => Call(c => t.S.QueryJobsAsync(c, new JobQuery()))),
        [nameof(INetworkService.QueryOperationsAsync)] = Read(t => Call(c => t.S.QueryOperationsAsync(c, new OperationQuery()))),
        [nameof(INetworkService.GetDashboardAsync)] = Read(t => Call(c => t.S.GetDashboardAsync(c))),
        [nameof(INetworkService.ExportVpcs)] = Read(t => Call(c => Drain(t.S.ExportVpcs(c, new VpcQuery())))),
        [nameof(INetworkService.ExportVxNets)] = Read(t => Call(c => Drain(t.S.ExportVxNets(c, new VxNetQuery())))),
        [nameof(INetworkService.ExportNics)] = Read(t => Call(c => Drain(t.S.ExportNics(c, new NicQuery())))),
        [nameof(INetworkService.ExportInstances)] = Read(t => Call(c => Drain(t.S.ExportInstances(c, new InstanceQuery())))),
        [nameof(INetworkService.ExportJobs)] = Read(t => Call(c => Drain(t.S.ExportJobs(c, new JobQuery())))),
        [nameof(INetworkService.ExportOperations)] = Read(t => Call(c => Drain(t.S.ExportOperations(c, new OperationQuery())))),
        [nameof(INetworkService.GetNicTimelineAsync)] = Read(async t =>
        {
            var nic = await t.FreeNicAsync();
            return Call(c => t.S.GetNicTimelineAsync(c, nic));
        }),
        [nameof(INetworkService.GetAddressMapAsync)] = Read(async t =>
        {
            var vxnet = await t.JoinedVxNetAsync();
            return Call(c => t.S.GetAddressMapAsync(c, vxnet));
        }),
        [nameof(INetworkService.CheckAddressAsync)] = Read(async t =>
        {
            var vxnet = await t.JoinedVxNetAsync();
            return Call(c => t.S.CheckAddressAsync(c, vxnet, "172.16.1.99"));
        }),
    };

    public static TheoryData<Role> Roles => new(Role.Viewer, Role.Operator, Role.Admin);

    [Fact]
    public void EveryMethodOfTheServiceHasARow()
    {
        var methods = typeof(INetworkService).GetMethods().Select(m => m.Name).ToList();

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

            var refused = useCase.Changes && !caller.CanChange;
            if (refused && (result.Error?.Code != RetCode.PermissionDenied || result.Error.Key != nameof(DomainErrors.ReadOnlyRole)))
            {
                wrong.Add($"{method}: expected ReadOnlyRole (1400), got {result.Error?.ToString() ?? "success"}");
            }
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

        var refused = (await _h.Service.DeleteNicsAsync(viewer, [])).Refused(RetCode.PermissionDenied);

        refused.ToString().ShouldBe(DomainErrors.ReadOnlyRole(viewer.User).ToString());
    }

    private INetworkService S => _h.Service;

    private OperationContext Setup { get; } = TenantScene.As(Tenant, Role.Operator);

    private async Task<string> VpcAsync()
    {
        var vpc = (await S.CreateVpcsAsync(Setup, "vpc", "172.16.0.0/16")).Ok().ResourceIds[0];
        await _h.Jobs.RunAllPendingAsync();
        return vpc;
    }

    private async Task<string> FreeVxNetAsync() => (await S.CreateVxNetsAsync(Setup, "net")).Ok()[0];

    /// <summary>One VxNet joined to a VPC, shared by the rows that only need somewhere to put NICs.</summary>
    private async Task<string> JoinedVxNetAsync()
    {
        if (_vxnet is null)
        {
            var (vpc, vxnet) = (await VpcAsync(), await FreeVxNetAsync());
            (await S.JoinVpcAsync(Setup, new JoinVpc(vxnet, vpc, "172.16.1.0/24"))).Ok();
            await _h.Jobs.RunAllPendingAsync();
            _vxnet = vxnet;
        }
        return _vxnet;
    }

    private async Task<string> FreeNicAsync() =>
        (await S.RequestNicsAsync(Setup, new RequestNics(await JoinedVxNetAsync(), "nic"))).Ok()[0].NicId;

    private async Task<string> ServerAsync()
    {
        var server = (await S.RunInstancesAsync(Setup, new RunInstances("host", [new NetworkChoice(ResourceIds.BasicVxNet)]))).Ok().ResourceIds[0];
        await _h.Jobs.RunAllPendingAsync();
        return server;
    }

    private static UseCase Change(Func<NetworkServiceRoles, Task<Func<OperationContext, Task<Result>>>> prepare) => new(true, prepare);

    private static UseCase Change(Func<NetworkServiceRoles, Func<OperationContext, Task<Result>>> prepare) => new(true, t => Task.FromResult(prepare(t)));

    private static UseCase Read(Func<NetworkServiceRoles, Task<Func<OperationContext, Task<Result>>>> prepare) => new(false, prepare);

    private static UseCase Read(Func<NetworkServiceRoles, Func<OperationContext, Task<Result>>> prepare) => new(false, t => Task.FromResult(prepare(t)));

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
