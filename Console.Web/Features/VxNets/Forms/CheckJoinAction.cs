using NicConsole.Domain.VxNets;

namespace NicConsole.Web.Features.VxNets.Forms;

public sealed record CheckJoinAction(JoinVpc.Request Request);
