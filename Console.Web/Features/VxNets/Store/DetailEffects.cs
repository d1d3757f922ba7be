using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.VxNets.Store;

/// <summary>Reads the open VxNet and its address map; the drawer's actions go through the list's own effects.</summary>
public sealed class DetailEffects(VxNetQueries vxNetQueries, CurrentOperator @operator, ErrorText errors, ILogger<DetailEffects> logger)
{
    private readonly LatestRead _detail = new();

    [EffectMethod]
    public Task HandleLoad(LoadVxNetDetailAction action, IDispatcher dispatcher) => _detail.RunAsync(() => LoadAsync(action, dispatcher));

    private async Task LoadAsync(LoadVxNetDetailAction action, IDispatcher dispatcher)
    {
        try
        {
            var vxnet = await vxNetQueries.QueryAsync(@operator.Context, new VxNetQuery { Ids = [action.VxNetId] });
            if (!vxnet.Succeeded)
            {
                dispatcher.Dispatch(new LoadVxNetDetailFailedAction(action.VxNetId, errors[vxnet.Error!]));
                return;
            }
            if (vxnet.Value.Items.SingleOrDefault() is not { } view)
            {
                dispatcher.Dispatch(new VxNetDetailLoadedAction(action.VxNetId, null, null));
                return;
            }
            var map = await vxNetQueries.AddressMapAsync(@operator.Context, action.VxNetId);
            dispatcher.Dispatch(map.Succeeded
                ? new VxNetDetailLoadedAction(action.VxNetId, view, map.Value)
                : map.Error!.Code == RetCode.ResourceNotFound
                    ? new VxNetDetailLoadedAction(action.VxNetId, null, null)
                    : new LoadVxNetDetailFailedAction(action.VxNetId, errors[map.Error]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading VxNet {VxNetId} failed", action.VxNetId);
            dispatcher.Dispatch(new LoadVxNetDetailFailedAction(action.VxNetId, errors[DomainErrors.Internal()]));
        }
    }
}
