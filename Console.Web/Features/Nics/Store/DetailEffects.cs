using NicConsole.Domain.Nics;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Nics.Store;

/// <summary>Reads the open NIC and its timeline; the drawer's actions go through the NIC list's own effects.</summary>
public sealed class DetailEffects(NicQueries nicQueries, CurrentOperator @operator, ErrorText errors, ILogger<DetailEffects> logger)
{
    private readonly LatestRead _detail = new();

    [EffectMethod]
    public Task HandleLoad(LoadNicDetailAction action, IDispatcher dispatcher) => _detail.RunAsync(() => LoadAsync(action, dispatcher));

    private async Task LoadAsync(LoadNicDetailAction action, IDispatcher dispatcher)
    {
        try
        {
            var nic = await nicQueries.QueryAsync(@operator.Context, new NicQuery { Ids = [action.NicId] });
            if (!nic.Succeeded)
            {
                dispatcher.Dispatch(new LoadNicDetailFailedAction(action.NicId, errors[nic.Error!]));
                return;
            }
            if (nic.Value.Items.SingleOrDefault() is not { } view)
            {
                dispatcher.Dispatch(new NicDetailLoadedAction(action.NicId, null, null));
                return;
            }
            var timeline = await nicQueries.TimelineAsync(@operator.Context, action.NicId);
            dispatcher.Dispatch(timeline.Succeeded
                ? new NicDetailLoadedAction(action.NicId, view, timeline.Value)
                : timeline.Error!.Code == RetCode.ResourceNotFound
                    ? new NicDetailLoadedAction(action.NicId, null, null)
                    : new LoadNicDetailFailedAction(action.NicId, errors[timeline.Error]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading NIC {NicId} failed", action.NicId);
            dispatcher.Dispatch(new LoadNicDetailFailedAction(action.NicId, errors[DomainErrors.Internal()]));
        }
    }
}
