namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>Back one step, among the NIC steps that are submitted together.</summary>
public sealed record WizardStepBackAction;
