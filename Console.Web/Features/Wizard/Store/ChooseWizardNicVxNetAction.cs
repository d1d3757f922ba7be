namespace NicConsole.Web.Features.Wizard.Store;

public sealed record ChooseWizardNicVxNetAction(string VxNetId);
