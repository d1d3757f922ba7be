namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>
/// A step was refused, or the job it waited for (<paramref name="JobId"/>) failed; the message is in the operator's
/// language and the step stays.
/// </summary>
public sealed record WizardFailedAction(string Message, string? JobId = null);
