using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.VxNets.Store;

/// <summary>The list's one read.</summary>
public sealed class VxNetsRead(INetworkService network, CurrentOperator @operator, CommandRunner commands) : ListRead<VxNetView, VxNetQuery>(commands)
{
    protected override Task<Result<Page<VxNetView>>> ReadAsync(VxNetQuery query) => network.QueryVxNetsAsync(@operator.Context, query);

    protected override LoadListSucceededAction<VxNetView, VxNetQuery> Succeeded(VxNetQuery query, Page<VxNetView> page) => new LoadVxNetsSucceededAction(query, page);

    protected override LoadListFailedAction<VxNetQuery> Failed(string error) => new LoadVxNetsFailedAction(error);
}
