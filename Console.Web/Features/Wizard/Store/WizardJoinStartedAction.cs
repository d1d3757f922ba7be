namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>The join was accepted; the step waits for its job.</summary>
public sealed record WizardJoinStartedAction(string VxNetId, string JobId);
