using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Instances.Store;

public sealed class Effects(InstanceQueries instanceQueries, CurrentOperator @operator, CommandRunner commands)
{
    private readonly LatestRead _instance = new();

    [EffectMethod]
    public Task HandleLoad(LoadInstanceAction action, IDispatcher dispatcher) =>
        _instance.RunAsync(() => commands.RunAsync(dispatcher, () => instanceQueries.QueryAsync(@operator.Context, new InstanceQuery { Ids = [action.InstanceId] }),
            page => new InstanceLoadedAction(action.InstanceId, page.Items.SingleOrDefault()), error => new LoadInstanceFailedAction(action.InstanceId, error)));
}
