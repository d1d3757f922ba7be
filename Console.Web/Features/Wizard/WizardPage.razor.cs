using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Features.VxNets.Store;
using NicConsole.Web.Features.Wizard.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Web.Features.Wizard;

/// <summary>
/// The guide (向导): one stepper from a new VxNet to the guest's new ethN, each step doing the real thing through
/// the store. A step moves on only when its command (and its job) has succeeded; a refusal keeps it.
/// </summary>
public partial class WizardPage
{
    private string _vxnetName = "";
    private string? _existingVxNetId;
    private JoinVpc.Request? _join;
    private string _nicName = "";
    private string? _nicVxNetId;
    private bool _manual;
    private string? _ip;
    private string? _serverId;

    [Inject]
    private IState<WizardState> State { get; set; } = default!;

    [Inject]
    private IState<JoinFormState> JoinForm { get; set; } = default!;

    [Inject]
    private IState<NicFormsState> NicForms { get; set; } = default!;

    [Inject]
    private IDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> T { get; set; } = default!;

    [Inject]
    private ChangeGuard Guard { get; set; } = default!;

    private WizardState S => State.Value;

    /// <summary>The VxNet the NIC goes in: the one chosen, else the guide's own.</summary>
    private string? NicVxNetId => _nicVxNetId ?? S.NicVxNetId ?? S.VxNetId;

    private IReadOnlyList<NicView> NicsToAttach => S.Nic is { } nic ? [nic] : [];

    private bool CanGoOn => Guard.Refusal() is null && !S.Busy && S.Step switch
    {
        WizardStep.CreateVxNet => true,
        WizardStep.JoinVpc => JoinForm.Value.Accepts(_join),
        WizardStep.NameNic => true,
        WizardStep.ChooseVxNet => NicForms.Value.VxNets.Any(x => x.Id == NicVxNetId),
        WizardStep.AssignIp => S.NicVxNetId is not null && (!_manual || NicForms.Value.Accepts(S.NicVxNetId, _ip)),
        WizardStep.Attach => S.NicId is not null && _serverId is not null,
        _ => false,
    };

    private string NextLabel => S.Step switch
    {
        WizardStep.CreateVxNet => _existingVxNetId is null ? T["Wizard.Create"] : T["Wizard.Next"],
        WizardStep.JoinVpc => T["Wizard.Join"],
        WizardStep.AssignIp => T["Wizard.Request"],
        WizardStep.Attach => T["Wizard.Attach"],
        _ => T["Wizard.Next"],
    };

    protected override void OnInitialized()
    {
        base.OnInitialized();
        SubscribeToAction<ResourcesChangedAction>(_ => Reload());
        Reload();
    }

    /// <summary>On arrival and on every committed change, so that a job's end shows without a reload.</summary>
    private void Reload()
    {
        Offer(S.Step);
        if (S.VxNetId is not null || S.NicId is not null)
        {
            Dispatcher.Dispatch(new RefreshWizardAction(S.VxNetId, S.NicId, S.InstanceId, S.JobId));
        }
    }

    /// <summary>Reads the choices <paramref name="step"/> offers: VxNets outside a VPC, VxNets taking NICs, running servers.</summary>
    private void Offer(WizardStep step)
    {
        if (step == WizardStep.CreateVxNet)
        {
            Dispatcher.Dispatch(new LoadWizardAction());
        }
        if (step is WizardStep.ChooseVxNet or WizardStep.Attach)
        {
            Dispatcher.Dispatch(new LoadNicFormsAction());
        }
    }

    private bool Done(WizardStep step) => S.Step > step;

    /// <summary>The stepper moves only where the store says the guide is.</summary>
    private Task PreviewAsync(StepperInteractionEventArgs args)
    {
        args.Cancel = args.StepIndex != (int)S.Step;
        return Task.CompletedTask;
    }

    private void Next()
    {
        if (!CanGoOn)
        {
            return;
        }
        var step = S.Step;
        Dispatcher.Dispatch(step switch
        {
            WizardStep.CreateVxNet when _existingVxNetId is { } existing => new UseWizardVxNetAction(existing),
            WizardStep.CreateVxNet => new CreateWizardVxNetAction(_vxnetName.Trim()),
            WizardStep.JoinVpc => new JoinWizardVpcAction(_join!),
            WizardStep.NameNic => new NameWizardNicAction(_nicName.Trim()),
            WizardStep.ChooseVxNet => new ChooseWizardNicVxNetAction(NicVxNetId!),
            WizardStep.AssignIp => new RequestWizardNicAction(_manual ? new RequestNics.Request(S.NicVxNetId!, S.NicName, 1, [_ip!]) : new RequestNics.Request(S.NicVxNetId!, S.NicName)),
            _ => new AttachWizardNicAction(S.NicId!, _serverId!),
        });
        if (step is WizardStep.NameNic or WizardStep.AssignIp)
        {
            // The next step's choices, read while this one is submitted.
            Offer(step + 1);
        }
    }

    private void Back() => Dispatcher.Dispatch(new WizardStepBackAction());

    private void Restart()
    {
        (_vxnetName, _existingVxNetId, _join, _nicName, _nicVxNetId, _manual, _ip, _serverId) = ("", null, null, "", null, false, null, null);
        Dispatcher.Dispatch(new RestartWizardAction());
        Offer(WizardStep.CreateVxNet);
    }

    /// <summary>The guest's name for the guide's NIC on <paramref name="server"/>, once it is in use there.</summary>
    private string? Interface(InstanceView server) =>
        server.Nics.FirstOrDefault(n => n.NicId == S.NicId && n.Status == NicStatus.InUse) is { } nic ? $"eth{nic.Sequence}" : null;
}
