namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>The steps of the guide, in order; the value is the stepper's index.</summary>
public enum WizardStep
{
    CreateVxNet,
    JoinVpc,
    NameNic,
    ChooseVxNet,
    AssignIp,
    Attach,
    Verify,
}
