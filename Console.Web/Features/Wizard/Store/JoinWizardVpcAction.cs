using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.Wizard.Store;

public sealed record JoinWizardVpcAction(JoinVpc.Request Request);
