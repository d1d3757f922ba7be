using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Overview.Store;

public sealed class Effects(INetworkService network, CurrentOperator @operator, ErrorText errors, ILogger<Effects> logger)
{
    [EffectMethod(typeof(LoadOverviewAction))]
    public async Task HandleLoad(IDispatcher dispatcher)
    {
        try
        {
            var context = @operator.Context;
            var vpcs = await network.QueryVpcsAsync(context, new VpcQuery());
            var vxnets = await network.QueryVxNetsAsync(context, new VxNetQuery());
            var nics = await network.QueryNicsAsync(context, new NicQuery());
            var instances = await network.QueryInstancesAsync(context, new InstanceQuery());
            var error = vpcs.Error ?? vxnets.Error ?? nics.Error ?? instances.Error;
            dispatcher.Dispatch(error is null
                ? new LoadOverviewSucceededAction(vpcs.Value, vxnets.Value, nics.Value, instances.Value)
                : new LoadOverviewFailedAction(errors[error]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading the overview failed");
            dispatcher.Dispatch(new LoadOverviewFailedAction(errors[DomainErrors.Internal()]));
        }
    }
}
