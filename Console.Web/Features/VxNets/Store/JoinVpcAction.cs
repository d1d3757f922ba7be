using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed record JoinVpcAction(JoinVpc.Request Request);
