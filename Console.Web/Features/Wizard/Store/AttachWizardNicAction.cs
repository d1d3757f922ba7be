namespace NicConsole.Web.Features.Wizard.Store;

public sealed record AttachWizardNicAction(string NicId, string InstanceId);
