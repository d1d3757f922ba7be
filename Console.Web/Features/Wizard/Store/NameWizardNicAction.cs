namespace NicConsole.Web.Features.Wizard.Store;

public sealed record NameWizardNicAction(string Name);
