using Microsoft.Extensions.Localization;
using NicConsole.Domain.Instances;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Instances.Store;

/// <summary>The server page's read and the servers' changes (the list's read is <see cref="InstancesRead"/>).</summary>
public sealed class Effects(
    InstanceQueries instanceQueries, RunInstances runInstances, StartInstances startInstances, StopInstances stopInstances,
    RestartInstances restartInstances, TerminateInstances terminateInstances, CurrentOperator @operator, IStringLocalizer<UiText> text, CommandRunner commands)
{
    private readonly LatestRead _instance = new();

    [EffectMethod]
    public Task HandleLoad(LoadInstanceAction action, IDispatcher dispatcher) =>
        _instance.RunAsync(() => commands.RunAsync(dispatcher, () => instanceQueries.QueryAsync(@operator.Context, new InstanceQuery { Ids = [action.InstanceId] }),
            page => new InstanceLoadedAction(action.InstanceId, page.Items.SingleOrDefault()), error => new LoadInstanceFailedAction(action.InstanceId, error)));

    [EffectMethod]
    public Task HandleLaunch(LaunchInstancesAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => runInstances.RunAsync(@operator.Context, action.Request),
            accepted => text["Instances.Launching", string.Join(", ", accepted.ResourceIds), accepted.JobId]);

    [EffectMethod]
    public Task HandleChange(ChangeInstancesAction action, IDispatcher dispatcher)
    {
        Func<OperationContext, IReadOnlyList<string>, CancellationToken, Task<Result<Accepted>>> useCase = action.Change switch
        {
            Transition.Starting => startInstances.RunAsync,
            Transition.Stopping => stopInstances.RunAsync,
            Transition.Restarting => restartInstances.RunAsync,
            Transition.Terminating => terminateInstances.RunAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.Change, "not a server operation"),
        };
        return commands.RunAsync(dispatcher, () => useCase(@operator.Context, action.InstanceIds, CancellationToken.None),
            accepted => text["Instances.Changing", string.Join(", ", action.InstanceIds), text["Status." + action.Change.ApiName()], accepted.JobId]);
    }
}
