using NicConsole.Domain.Instances;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Flux;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Nics.Store;

public sealed class FormEffects(VxNetQueries vxNetQueries, InstanceQueries instanceQueries, CurrentOperator @operator)
{
    [EffectMethod(typeof(LoadNicFormsAction))]
    public async Task HandleLoad(IDispatcher dispatcher)
    {
        var vxnets = await vxNetQueries.QueryAsync(@operator.Context, new VxNetQuery { OnlyAcceptingNics = true, Page = new(Limit: Limits.MaxPageSize, SortBy: "name") });
        var servers = await instanceQueries.QueryAsync(@operator.Context,
            new InstanceQuery { Statuses = [InstanceStatus.Running], Page = new(Limit: Limits.MaxPageSize, SortBy: "name") });
        var basic = await vxNetQueries.QueryAsync(@operator.Context, new VxNetQuery { Types = [VxNetType.Basic] });
        dispatcher.Dispatch(new NicFormsLoadedAction(vxnets.Succeeded ? vxnets.Value.Items : [], servers.Succeeded ? servers.Value.Items : [],
            basic.Succeeded ? basic.Value.Items.FirstOrDefault() : null));
    }

    [EffectMethod]
    public async Task HandleCheck(CheckAddressAction action, IDispatcher dispatcher)
    {
        var check = await vxNetQueries.CheckAddressAsync(@operator.Context, action.VxNetId, action.PrivateIp, primary: action.Primary);
        dispatcher.Dispatch(new AddressCheckedAction(action.VxNetId, action.PrivateIp, check.Succeeded ? check.Value : new AddressCheck(check.Error, [])));
    }
}
