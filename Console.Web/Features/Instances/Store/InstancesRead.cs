using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Features.Shared.Lists;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Instances.Store;

/// <summary>The list's one read.</summary>
public sealed class InstancesRead(InstanceQueries queries, CurrentOperator @operator, CommandRunner commands) : ListRead<InstanceView, InstanceQuery>(queries, @operator, commands)
{
    protected override LoadListSucceededAction<InstanceView, InstanceQuery> Succeeded(InstanceQuery query, Page<InstanceView> page) => new LoadInstancesSucceededAction(query, page);

    protected override LoadListFailedAction<InstanceQuery> Failed(string error) => new LoadInstancesFailedAction(error);
}
