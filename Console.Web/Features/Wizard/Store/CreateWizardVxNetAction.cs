namespace NicConsole.Web.Features.Wizard.Store;

public sealed record CreateWizardVxNetAction(string Name);
