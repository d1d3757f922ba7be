using Microsoft.Extensions.Localization;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Features.Shared;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Features.Wizard.Store;

/// <summary>The guide's way to the domain: each step's command, and the ids it returns, become the guide's own actions.</summary>
public sealed class Effects(
    VxNetQueries vxNetQueries, CreateVxNets createVxNets, JoinVpc joinVpc, RequestNics requestNics, AttachNics attachNics, NicQueries nicQueries, InstanceQueries instanceQueries, JobQueries jobQueries,
    CurrentOperator @operator,
    ErrorText errors,
    IStringLocalizer<UiText> text,
    CommandRunner commands,
    ILogger<Effects> logger)
{
    private readonly LatestRead _vxnets = new();

    [EffectMethod(typeof(LoadWizardAction))]
    public Task HandleLoad(IDispatcher dispatcher) => _vxnets.RunAsync(() => LoadAsync(dispatcher));

    private async Task LoadAsync(IDispatcher dispatcher)
    {
        // VxNets outside any VPC sort first by VPC name.
        var page = await vxNetQueries.QueryAsync(@operator.Context,
            new VxNetQuery { Types = [VxNetType.Managed], Page = new(Limit: Limits.MaxPageSize, SortBy: "vpc") });
        dispatcher.Dispatch(new WizardLoadedAction(page.Succeeded ? page.Value.Items.Where(x => x.JoinRefusal() is null).ToList() : []));
    }

    [EffectMethod]
    public Task HandleCreate(CreateWizardVxNetAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => createVxNets.RunAsync(@operator.Context, action.Name),
            ids => new WizardVxNetCreatedAction(ids[0]), Failed);

    [EffectMethod]
    public Task HandleJoin(JoinWizardVpcAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => joinVpc.RunAsync(@operator.Context, action.Request),
            accepted => new WizardJoinStartedAction(action.Request.VxNetId, accepted.JobId), Failed);

    [EffectMethod]
    public Task HandleJoinStarted(WizardJoinStartedAction action, IDispatcher dispatcher) =>
        HandleRefresh(new RefreshWizardAction(action.VxNetId, null, null, action.JobId), dispatcher);

    [EffectMethod]
    public Task HandleRequest(RequestWizardNicAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => requestNics.RunAsync(@operator.Context, action.Request),
            nics => new WizardNicRequestedAction(nics[0]), Failed);

    [EffectMethod]
    public Task HandleRequested(WizardNicRequestedAction action, IDispatcher dispatcher) =>
        HandleRefresh(new RefreshWizardAction(null, action.Nic.NicId, null, null), dispatcher);

    [EffectMethod]
    public Task HandleAttach(AttachWizardNicAction action, IDispatcher dispatcher) =>
        commands.RunAsync(dispatcher, () => attachNics.RunAsync(@operator.Context, [action.NicId], action.InstanceId),
            accepted => new WizardAttachStartedAction(action.NicId, action.InstanceId, accepted.JobId), Failed);

    [EffectMethod]
    public Task HandleAttachStarted(WizardAttachStartedAction action, IDispatcher dispatcher) =>
        HandleRefresh(new RefreshWizardAction(null, action.NicId, action.InstanceId, action.JobId), dispatcher);

    /// <summary>Reads what the guide made; a failed job it waits for ends the wait with the job's error.</summary>
    [EffectMethod]
    public async Task HandleRefresh(RefreshWizardAction action, IDispatcher dispatcher)
    {
        try
        {
            var ctx = @operator.Context;
            var vxnet = action.VxNetId is null ? null
                : Single(await vxNetQueries.QueryAsync(ctx, new VxNetQuery { Ids = [action.VxNetId] }));
            var nic = action.NicId is null ? null
                : Single(await nicQueries.QueryAsync(ctx, new NicQuery { Ids = [action.NicId] }));
            var server = action.InstanceId is null ? null
                : Single(await instanceQueries.QueryAsync(ctx, new InstanceQuery { Ids = [action.InstanceId] }));
            var job = action.JobId is null ? null
                : Single(await jobQueries.QueryAsync(ctx, new JobQuery { Ids = [action.JobId] }));
            dispatcher.Dispatch(new WizardRefreshedAction(vxnet, nic, server));
            if (job is { Status: JobStatus.Failed })
            {
                dispatcher.Dispatch(new WizardFailedAction(text["Wizard.JobFailed", job.Id, job.Error ?? ""], job.Id));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Reading the guide's resources failed");
            dispatcher.Dispatch(new WizardFailedAction(errors[DomainErrors.Internal()], action.JobId));
        }
    }

    private static WizardFailedAction Failed(string message) => new(message);

    private static T? Single<T>(Result<Page<T>> page) where T : class => page.Succeeded ? page.Value.Items.SingleOrDefault() : null;
}
