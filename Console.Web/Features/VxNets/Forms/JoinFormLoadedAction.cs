using NicConsole.Domain.Vpcs;

namespace NicConsole.Web.Features.VxNets.Forms;

public sealed record JoinFormLoadedAction(IReadOnlyList<VpcView> Vpcs);
