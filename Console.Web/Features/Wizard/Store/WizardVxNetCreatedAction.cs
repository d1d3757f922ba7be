namespace NicConsole.Web.Features.Wizard.Store;

public sealed record WizardVxNetCreatedAction(string VxNetId);
