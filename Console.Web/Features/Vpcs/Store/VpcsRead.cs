using NicConsole.Domain.Vpcs;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Vpcs.Store;

/// <summary>The list's one read.</summary>
public sealed class VpcsRead(VpcQueries queries, CurrentOperator @operator, CommandRunner commands) : ListRead<VpcView, VpcQuery>(queries, @operator, commands)
{
    protected override LoadListSucceededAction<VpcView, VpcQuery> Succeeded(VpcQuery query, Page<VpcView> page) => new LoadVpcsSucceededAction(query, page);

    protected override LoadListFailedAction<VpcQuery> Failed(string error) => new LoadVpcsFailedAction(error);
}
