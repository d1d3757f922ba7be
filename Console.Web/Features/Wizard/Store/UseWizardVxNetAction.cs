namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>Go on with an existing VxNet that has not joined a VPC, instead of creating one.</summary>
public sealed record UseWizardVxNetAction(string VxNetId);
