using Microsoft.Extensions.Localization;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Vpcs.Store;

/// <summary>The VPC list's only way to the domain: each intent becomes one use case, and its outcome an action.</summary>
public sealed class Effects(
    VpcQueries vpcQueries, VxNetQueries vxNetQueries, CreateVpcs createVpcs, ModifyVpc modifyVpc, DeleteVpcs deleteVpcs,
    CurrentOperator @operator,
    ErrorText errors,
    IStringLocalizer<UiText> text,
    CommandRunner commands,
    ILogger<Effects> logger)
{
    private readonly LatestRead _detail = new();

    [EffectMethod]
    public Task HandleLoadDetail(LoadVpcDetailAction action, IDispatcher dispatcher) => _detail.RunAsync(() => LoadDetailAsync(action, dispatcher));

    private async Task LoadDetailAsync(LoadVpcDetailAction action, IDispatcher dispatcher)
    {
        try
        {
            var vpc = await vpcQueries.QueryAsync(@operator.Context, new VpcQuery { Ids = [action.VpcId] });
            var vxnets = await vxNetQueries.QueryAsync(@operator.Context,
                new VxNetQuery { VpcIds = [action.VpcId], Page = new(Limit: Limits.MaxPageSize, SortBy: "subnet") });
            var error = vpc.Error ?? vxnets.Error;
            dispatcher.Dispatch(error is null
                ? new VpcDetailLoadedAction(action.VpcId, vpc.Value.Items.SingleOrDefault(), vxnets.Value)
                : new LoadVpcDetailFailedAction(action.VpcId, errors[error]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Loading VPC {VpcId} failed", action.VpcId);
            dispatcher.Dispatch(new LoadVpcDetailFailedAction(action.VpcId, errors[DomainErrors.Internal()]));
        }
    }

    [EffectMethod]
    public Task HandleCreate(CreateVpcsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => createVpcs.RunAsync(@operator.Context, action.Name, action.Network),
            accepted => text["Vpcs.Creating", string.Join(", ", accepted.ResourceIds), accepted.JobId]);

    [EffectMethod]
    public Task HandleModify(ModifyVpcAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => modifyVpc.RunAsync(@operator.Context, action.VpcId, action.Name, action.Description),
            id => text["Vpcs.Modified", id]);

    [EffectMethod]
    public Task HandleDelete(DeleteVpcsAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => deleteVpcs.RunAsync(@operator.Context, action.VpcIds),
            accepted => text["Vpcs.Deleting", accepted.ResourceIds.Count, accepted.JobId]);
}
