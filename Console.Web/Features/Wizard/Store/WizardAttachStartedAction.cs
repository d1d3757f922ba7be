namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>The attach was accepted; the step waits for its job.</summary>
public sealed record WizardAttachStartedAction(string NicId, string InstanceId, string JobId);
