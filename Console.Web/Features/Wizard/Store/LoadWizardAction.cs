namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>Reads the VxNets the first step can offer instead of a new one.</summary>
public sealed record LoadWizardAction;
