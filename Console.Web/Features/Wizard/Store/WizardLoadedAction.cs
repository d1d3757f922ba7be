using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>The VxNets that can still join a VPC.</summary>
public sealed record WizardLoadedAction(IReadOnlyList<VxNetView> Unjoined);
