using NicConsole.Domain.Nics;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Wizard.Store;

public static class Reducers
{
    [ReducerMethod]
    public static WizardState ReduceLoaded(WizardState state, WizardLoadedAction action) => state with { Unjoined = [.. action.Unjoined] };

    [ReducerMethod(typeof(CreateWizardVxNetAction))]
    public static WizardState ReduceCreate(WizardState state) => Run(state, WizardStep.CreateVxNet);

    [ReducerMethod]
    public static WizardState ReduceUse(WizardState state, UseWizardVxNetAction action) =>
        state.Step != WizardStep.CreateVxNet ? state
            : state with { VxNetId = action.VxNetId, Step = WizardStep.JoinVpc, Error = null };

    [ReducerMethod]
    public static WizardState ReduceCreated(WizardState state, WizardVxNetCreatedAction action) =>
        state.Step != WizardStep.CreateVxNet ? state : state with { VxNetId = action.VxNetId, Step = WizardStep.JoinVpc, Busy = false };

    [ReducerMethod(typeof(JoinWizardVpcAction))]
    public static WizardState ReduceJoin(WizardState state) => Run(state, WizardStep.JoinVpc);

    [ReducerMethod]
    public static WizardState ReduceJoinStarted(WizardState state, WizardJoinStartedAction action) =>
        state.Step == WizardStep.JoinVpc && action.VxNetId == state.VxNetId ? state with { JobId = action.JobId } : state;

    [ReducerMethod]
    public static WizardState ReduceNameNic(WizardState state, NameWizardNicAction action) =>
        state.Step != WizardStep.NameNic ? state : state with { NicName = action.Name, Step = WizardStep.ChooseVxNet, Error = null };

    [ReducerMethod]
    public static WizardState ReduceChooseVxNet(WizardState state, ChooseWizardNicVxNetAction action) =>
        state.Step != WizardStep.ChooseVxNet ? state : state with { NicVxNetId = action.VxNetId, Step = WizardStep.AssignIp, Error = null };

    /// <summary>Only the NIC's own steps go back: what earlier steps made is already real.</summary>
    [ReducerMethod(typeof(WizardStepBackAction))]
    public static WizardState ReduceBack(WizardState state) =>
        state is { Step: WizardStep.ChooseVxNet or WizardStep.AssignIp, Busy: false } ? state with { Step = state.Step - 1, Error = null } : state;

    [ReducerMethod(typeof(RequestWizardNicAction))]
    public static WizardState ReduceRequest(WizardState state) => Run(state, WizardStep.AssignIp);

    [ReducerMethod]
    public static WizardState ReduceRequested(WizardState state, WizardNicRequestedAction action) =>
        state.Step != WizardStep.AssignIp ? state : state with { NicId = action.Nic.NicId, Step = WizardStep.Attach, Busy = false };

    [ReducerMethod(typeof(AttachWizardNicAction))]
    public static WizardState ReduceAttach(WizardState state) => Run(state, WizardStep.Attach);

    [ReducerMethod]
    public static WizardState ReduceAttachStarted(WizardState state, WizardAttachStartedAction action) =>
        state.Step == WizardStep.Attach && action.NicId == state.NicId ? state with { InstanceId = action.InstanceId, JobId = action.JobId } : state;

    /// <summary>Takes the resources read now; a step waiting for its job completes once the change shows.</summary>
    [ReducerMethod]
    public static WizardState ReduceRefreshed(WizardState state, WizardRefreshedAction action)
    {
        var next = state with
        {
            VxNet = action.VxNet is { } vxnet && vxnet.Id == state.VxNetId ? vxnet : state.VxNet,
            Nic = action.Nic is { } nic && nic.Id == state.NicId ? nic : state.Nic,
            Instance = action.Instance is { } server && server.Id == state.InstanceId ? server : state.Instance,
        };
        var done = next switch
        {
            { Step: WizardStep.JoinVpc, JobId: not null, VxNet: { VpcId: not null, Transition: Transition.None } } => true,
            { Step: WizardStep.Attach, JobId: not null, Nic: { Status: NicStatus.InUse, Transition: Transition.None } } => true,
            _ => false,
        };
        return done ? next with { Step = next.Step + 1, JobId = null, Busy = false, Error = null } : next;
    }

    [ReducerMethod]
    public static WizardState ReduceFailed(WizardState state, WizardFailedAction action) =>
        action.JobId is null || action.JobId == state.JobId ? state with { Busy = false, JobId = null, Error = action.Message } : state;

    [ReducerMethod(typeof(RestartWizardAction))]
    public static WizardState ReduceRestart(WizardState state) => new() { Unjoined = state.Unjoined };

    private static WizardState Run(WizardState state, WizardStep step) =>
        state.Step == step && !state.Busy ? state with { Busy = true, Error = null } : state;
}
