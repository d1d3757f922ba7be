using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Nics.Store;

/// <summary>The NIC list's one read.</summary>
public sealed class NicsRead(NicQueries queries, CurrentOperator @operator, CommandRunner commands) : ListRead<NicView, NicQuery>(queries, @operator, commands)
{
    protected override LoadListSucceededAction<NicView, NicQuery> Succeeded(NicQuery query, Page<NicView> page) => new LoadNicsSucceededAction(query, page);

    protected override LoadListFailedAction<NicQuery> Failed(string error) => new LoadNicsFailedAction(error);
}
