using System.Collections.Immutable;
using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Vpcs.Store;

public static class Reducers
{
    [ReducerMethod]
    public static VpcsState ReduceLoad(VpcsState state, LoadVpcsAction action) =>
        state with { Query = action.Query, IsLoading = true };

    [ReducerMethod]
    public static VpcsState ReduceLoadSucceeded(VpcsState state, LoadVpcsSucceededAction action)
    {
        if (action.Query != state.Query)
        {
            return state;
        }
        var items = action.Page.Items.ToImmutableList();
        return state with
        {
            Items = items,
            TotalCount = action.Page.TotalCount,
            IsLoading = false,
            ErrorMessage = null,
            Selected = state.Selected.Intersect(items.Select(v => v.Id)),
        };
    }

    [ReducerMethod]
    public static VpcsState ReduceLoadFailed(VpcsState state, LoadVpcsFailedAction action) =>
        state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod]
    public static VpcsState ReduceSelect(VpcsState state, SelectVpcsAction action) =>
        state with { Selected = [.. action.VpcIds] };

    [ReducerMethod]
    public static VpcDetailState ReduceLoadDetail(VpcDetailState state, LoadVpcDetailAction action) =>
        action.VpcId == state.VpcId ? state with { IsLoading = true } : new VpcDetailState { VpcId = action.VpcId, IsLoading = true };

    /// <summary>Only the open VPC's answer counts; a VPC that is gone closes the drawer.</summary>
    [ReducerMethod]
    public static VpcDetailState ReduceDetailLoaded(VpcDetailState state, VpcDetailLoadedAction action)
    {
        if (action.VpcId != state.VpcId)
        {
            return state;
        }
        return action.Vpc is null ? new VpcDetailState()
            : state with { Vpc = action.Vpc, VxNets = [.. action.VxNets.Items], VxNetTotal = action.VxNets.TotalCount, IsLoading = false, ErrorMessage = null };
    }

    [ReducerMethod]
    public static VpcDetailState ReduceLoadDetailFailed(VpcDetailState state, LoadVpcDetailFailedAction action) =>
        action.VpcId != state.VpcId ? state : state with { IsLoading = false, ErrorMessage = action.Error };

    [ReducerMethod(typeof(CloseVpcDetailAction))]
    public static VpcDetailState ReduceCloseDetail(VpcDetailState state) => new();
}
