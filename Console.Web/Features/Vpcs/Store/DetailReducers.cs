using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Vpcs.Store;

public static class DetailReducers
{
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
