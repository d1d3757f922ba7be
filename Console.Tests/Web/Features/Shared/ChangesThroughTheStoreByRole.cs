using Microsoft.Extensions.Time.Testing;
using NicConsole.Web.Features.Instances.Store;
using NicConsole.Web.Features.Jobs.Store;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Features.Vpcs.Store;
using NicConsole.Web.Features.VxNets.Store;
using NicConsole.Web.Features.Wizard.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Tests.Web.Features.Shared;

/// <summary>
/// Each change the console can dispatch, through the real store and effects to the real service, by role: a Viewer's is
/// refused with the domain's read-only message (what the page shows in its snackbar or the wizard's error) and changes
/// nothing; an Operator's same action is accepted, so only the role made the difference.
/// </summary>
public class ChangesThroughTheStoreByRole : ConsoleTestContext
{
    /// <summary>Every change action of the console's store, built on the scene below; each one the domain accepts from an Operator.</summary>
    private static readonly Dictionary<string, Func<Scene, object>> Changes = new()
    {
        ["create VPC"] = _ => new CreateVpcsAction("web", "192.168.0.0/16"),
        ["modify VPC"] = s => new ModifyVpcAction(s.Vpc, "renamed", "now described"),
        ["delete VPC"] = s => new DeleteVpcsAction([s.EmptyVpc]),
        ["create VxNet"] = _ => new CreateVxNetsAction("app", 2),
        ["join VPC"] = s => new JoinVpcAction(new JoinVpc.Request(s.LooseVxNet, s.Vpc, "172.16.3.0/24")),
        ["leave VPC"] = s => new LeaveVpcAction(s.Vpc, s.EmptyVxNet),
        ["delete VxNet"] = s => new DeleteVxNetsAction([s.LooseVxNet]),
        ["request NIC"] = s => new RequestNicsAction(new RequestNics.Request(s.VxNet, "more", 2)),
        ["modify NIC"] = s => new ModifyNicAction(new ModifyNic.Request(s.Available, "renamed", null, "172.16.1.20")),
        ["attach NIC"] = s => new AttachNicsAction([s.Available], s.Running),
        ["detach NIC"] = s => new DetachNicsAction([s.InUse]),
        ["delete NIC"] = s => new DeleteNicsAction([s.Available]),
        ["launch server"] = _ => new LaunchInstancesAction(new RunInstances.Request("hostd", [new NetworkChoice(ResourceIds.BasicVxNet)])),
        ["start server"] = s => new ChangeInstancesAction([s.Stopped], Transition.Starting),
        ["stop server"] = s => new ChangeInstancesAction([s.Running], Transition.Stopping),
        ["restart server"] = s => new ChangeInstancesAction([s.Running], Transition.Restarting),
        ["terminate server"] = s => new ChangeInstancesAction([s.Running], Transition.Terminating),
        ["retry job"] = s => new RetryJobAction(s.StuckJob),
        ["wizard: create VxNet"] = _ => new CreateWizardVxNetAction("guided"),
        ["wizard: join VPC"] = s => new JoinWizardVpcAction(new JoinVpc.Request(s.LooseVxNet, s.Vpc, "172.16.3.0/24")),
        ["wizard: request NIC"] = s => new RequestWizardNicAction(new RequestNics.Request(s.VxNet, "guided")),
        ["wizard: attach NIC"] = s => new AttachWizardNicAction(s.Available, s.Running),
    };

    private readonly FakeTimeProvider _time;
    private readonly List<object> _outcomes = [];

    public ChangesThroughTheStoreByRole()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero)))
    {
    }

    private ChangesThroughTheStoreByRole(FakeTimeProvider time)
        : base(time) => _time = time;

    public static TheoryData<string> ChangeNames() => new(Changes.Keys);

    public sealed record Scene(
        string Vpc, string EmptyVpc, string VxNet, string EmptyVxNet, string LooseVxNet,
        string Running, string Stopped, string Available, string InUse, string StuckJob);

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public async Task AViewersChangeIsRefusedWithTheDomainsReasonAndChangesNothing(string change)
    {
        var scene = await SceneAsync();
        Services.GetRequiredService<CurrentOperator>().ActAs(Role.Viewer);
        var reason = Services.GetRequiredService<ErrorText>()[DomainErrors.ReadOnlyRole(CurrentOperator.DefaultUser)];
        var before = await Harness.SnapshotAsync();

        await DispatchAsync(Changes[change](scene));

        if (change.StartsWith("wizard"))
        {
            _outcomes.ShouldHaveSingleItem().ShouldBeOfType<WizardFailedAction>().Message.ShouldBe(reason);
            Services.GetRequiredService<IState<WizardState>>().Value.Error.ShouldBe(reason);
        }
        else
        {
            _outcomes.ShouldHaveSingleItem().ShouldBe(new CommandFailedAction(reason));
        }
        (await Harness.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public async Task AnOperatorsSameChangeIsAccepted(string change)
    {
        var scene = await SceneAsync();
        Services.GetRequiredService<CurrentOperator>().ActAs(Role.Operator);
        var before = await Harness.SnapshotAsync();

        await DispatchAsync(Changes[change](scene));

        _outcomes.ShouldHaveSingleItem().ShouldNotBeOfType<CommandFailedAction>();
        _outcomes.Single().ShouldNotBeOfType<WizardFailedAction>();
        (await Harness.SnapshotAsync()).ShouldNotBe(before);
    }

    /// <summary>
    /// A VPC with a VxNet holding an available NIC (.10) and one in use on hosta (.11), an empty VxNet in it, an empty
    /// VPC, a VxNet outside any VPC, hostb stopped, and hostc whose stop job has been pending longer than the stuck limit.
    /// </summary>
    private async Task<Scene> SceneAsync()
    {
        var vpc = await Harness.CreateVpcAsync();
        var emptyVpc = await Harness.CreateVpcAsync("192.168.0.0/16");
        var vxnet = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var emptyVxNet = await Harness.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        var loose = (await Harness.Get<CreateVxNets>().RunAsync(Harness.Context, "loose")).Ok()[0];
        var running = await Harness.RunServerAsync("hosta");
        var stopped = await Harness.RunServerAsync("hostb");
        (await Harness.Get<StopInstances>().RunAsync(Harness.Context, [stopped])).Ok();
        await Harness.Jobs.RunAllPendingAsync();
        var nics = await Harness.RequestNicsAsync(vxnet, 2, "172.16.1.10", "172.16.1.11");
        await Harness.AttachAsync(running, nics[1]);
        var hostc = await Harness.RunServerAsync("hostc");
        var stuck = (await Harness.Get<StopInstances>().RunAsync(Harness.Context, [hostc])).Ok().JobId;
        _time.Advance(Services.GetRequiredService<StuckJobPolicy>().Limit + TimeSpan.FromSeconds(1));
        return new Scene(vpc, emptyVpc, vxnet, emptyVxNet, loose, running, stopped, nics[0], nics[1], stuck);
    }

    /// <summary>Dispatches one change and waits until its effect has told how it ended.</summary>
    private async Task DispatchAsync(object action)
    {
        var store = await StoreAsync();
        store.SubscribeToAction<CommandSucceededAction>(this, _outcomes.Add);
        store.SubscribeToAction<CommandFailedAction>(this, _outcomes.Add);
        store.SubscribeToAction<WizardFailedAction>(this, _outcomes.Add);
        store.SubscribeToAction<WizardVxNetCreatedAction>(this, _outcomes.Add);
        store.SubscribeToAction<WizardJoinStartedAction>(this, _outcomes.Add);
        store.SubscribeToAction<WizardNicRequestedAction>(this, _outcomes.Add);
        store.SubscribeToAction<WizardAttachStartedAction>(this, _outcomes.Add);
        Services.GetRequiredService<IDispatcher>().Dispatch(action);
        await store.WhenIdle();
    }
}
