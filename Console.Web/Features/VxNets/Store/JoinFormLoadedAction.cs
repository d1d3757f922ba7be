using NicConsole.Domain.Vpcs;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed record JoinFormLoadedAction(IReadOnlyList<VpcView> Vpcs);
