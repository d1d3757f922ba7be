namespace NicConsole.Web.Features.Wizard.Store;

public sealed record RestartWizardAction;
