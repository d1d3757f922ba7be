using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.Nics.Store;

public static class FormReducers
{
    [ReducerMethod]
    public static NicFormsState ReduceLoaded(NicFormsState state, NicFormsLoadedAction action) =>
        state with { VxNets = [.. action.VxNets], Servers = [.. action.Servers], BasicNetwork = action.BasicNetwork };

    [ReducerMethod]
    public static NicFormsState ReduceCheck(NicFormsState state, CheckAddressAction action) =>
        state with { CheckedVxNetId = action.VxNetId, CheckedIp = action.PrivateIp };

    /// <summary>Only the answer to the latest question counts; an earlier one that arrives late is dropped.</summary>
    [ReducerMethod]
    public static NicFormsState ReduceChecked(NicFormsState state, AddressCheckedAction action) =>
        action.VxNetId == state.CheckedVxNetId && action.PrivateIp == state.CheckedIp ? state with { AddressCheck = action.Check } : state;
}
