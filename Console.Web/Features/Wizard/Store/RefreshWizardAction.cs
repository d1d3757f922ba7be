namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>Read again what the guide has made so far, and the job it waits for, if any.</summary>
public sealed record RefreshWizardAction(string? VxNetId, string? NicId, string? InstanceId, string? JobId);
