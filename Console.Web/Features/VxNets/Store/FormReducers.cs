using NicConsole.Web.Flux;

namespace NicConsole.Web.Features.VxNets.Store;

public static class FormReducers
{
    [ReducerMethod]
    public static JoinFormState ReduceLoaded(JoinFormState state, JoinFormLoadedAction action) => state with { Vpcs = [.. action.Vpcs] };

    [ReducerMethod]
    public static JoinFormState ReduceCheck(JoinFormState state, CheckJoinAction action) =>
        state with { Checked = action.Request, Plan = null, Refusal = null };

    /// <summary>Only the answer to what is typed now counts.</summary>
    [ReducerMethod]
    public static JoinFormState ReduceChecked(JoinFormState state, JoinCheckedAction action) =>
        action.Request == state.Checked ? state with { Plan = action.Plan, Refusal = action.Refusal } : state;
}
