using NicConsole.Domain.Vpcs;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.VxNets.Store;

public sealed class FormEffects(VpcQueries vpcQueries, VxNetQueries vxNetQueries, CurrentOperator @operator)
{
    [EffectMethod(typeof(LoadJoinFormAction))]
    public async Task HandleLoad(IDispatcher dispatcher)
    {
        var vpcs = await vpcQueries.QueryAsync(@operator.Context,
            new VpcQuery { Statuses = [VpcStatus.Active], Page = new(Limit: Limits.MaxPageSize, SortBy: "name") });
        dispatcher.Dispatch(new JoinFormLoadedAction(vpcs.Succeeded ? vpcs.Value.Items : []));
    }

    [EffectMethod]
    public async Task HandleCheck(CheckJoinAction action, IDispatcher dispatcher)
    {
        var plan = await vxNetQueries.CheckJoinAsync(@operator.Context, action.Request);
        dispatcher.Dispatch(new JoinCheckedAction(action.Request, plan.Succeeded ? plan.Value : null, plan.Error));
    }
}
