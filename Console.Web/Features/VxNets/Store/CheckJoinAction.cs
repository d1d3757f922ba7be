using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed record CheckJoinAction(JoinVpc.Request Request);
