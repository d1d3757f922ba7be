using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Shared.Store;

public sealed class LiveChangesEffects(LiveChanges live)
{
    [EffectMethod(typeof(StoreInitializedAction))]
    public Task HandleStoreInitialized(IDispatcher dispatcher)
    {
        live.Start(dispatcher);
        return Task.CompletedTask;
    }
}
