using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Flux.Fixtures;

public sealed class TracingMiddleware(FluxTrace trace) : Middleware
{
    public override Task InitializeAsync(IDispatcher dispatcher, IStore store)
    {
        trace.Add("init");
        return Task.CompletedTask;
    }

    public override void AfterInitializeAllMiddlewares() => trace.Add("after-init");

    public override bool MayDispatchAction(object action)
    {
        trace.Add($"may:{action.GetType().Name}");
        return action is not VetoedAction;
    }

    public override void BeforeDispatch(object action)
    {
        trace.Add($"before:{action.GetType().Name}");
        if (action is ExplodeInMiddlewareAction)
        {
            throw new InvalidOperationException("middleware exploded");
        }
    }

    public override void AfterDispatch(object action) => trace.Add($"after:{action.GetType().Name}");
}
