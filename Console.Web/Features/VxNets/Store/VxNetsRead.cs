using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.VxNets.Store;

/// <summary>The list's one read.</summary>
public sealed class VxNetsRead(VxNetQueries queries, CurrentOperator @operator, CommandRunner commands) : ListRead<VxNetView, VxNetQuery>(queries, @operator, commands)
{
    protected override LoadListSucceededAction<VxNetView, VxNetQuery> Succeeded(VxNetQuery query, Page<VxNetView> page) => new LoadVxNetsSucceededAction(query, page);

    protected override LoadListFailedAction<VxNetQuery> Failed(string error) => new LoadVxNetsFailedAction(error);
}
