using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Shared.Store;
using NicConsole.Web.Flux;
using NicConsole.Web.Localization;

namespace NicConsole.Tests.Web.Features.Nics;

/// <summary>The NIC slice's effects through a real store on the real domain: every intent ends in one outcome action.</summary>
public class NicsEffects : ConsoleTestContext
{
    private readonly List<object> _outcomes = [];

    private async Task<IDispatcher> StartAsync()
    {
        var store = await StoreAsync();
        store.SubscribeToAction<CommandSucceededAction>(this, _outcomes.Add);
        store.SubscribeToAction<CommandFailedAction>(this, _outcomes.Add);
        store.SubscribeToAction<LoadNicsSucceededAction>(this, _outcomes.Add);
        store.SubscribeToAction<LoadNicsFailedAction>(this, _outcomes.Add);
        return Services.GetRequiredService<IDispatcher>();
    }

    private async Task RunAsync(IDispatcher dispatcher, object action)
    {
        dispatcher.Dispatch(action);
        await Services.GetRequiredService<IStore>().WhenIdle();
    }

    private async Task<(string Server, string InUse, string Available)> SceneAsync()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var server = await Harness.RunServerAsync();
        var nics = await Harness.RequestNicsAsync(vxnet, 2, "172.16.1.10", "172.16.1.11");
        await Harness.AttachAsync(server, nics[0]);
        return (server, nics[0], nics[1]);
    }

    private async Task<bool> ExistsAsync(string nicId) =>
        (await Harness.Get<NicQueries>().QueryAsync(Operator, new NicQuery { Ids = [nicId] })).Ok().TotalCount == 1;

    [Fact]
    public async Task DeletingAnInUseNicFailsWithTheReasonInTheOperatorsLanguageAndDeletesNothing()
    {
        var (_, inUse, _) = await SceneAsync();
        var dispatcher = await StartAsync();

        await RunAsync(dispatcher, new DeleteNicsAction([inUse]));

        _outcomes.ShouldHaveSingleItem().ShouldBe(new CommandFailedAction($"网卡 [{inUse}] 的状态是 in-use，不是可用"));
        (await ExistsAsync(inUse)).ShouldBeTrue();
    }

    [Fact]
    public async Task TheRefusalFollowsTheOperatorsLanguage()
    {
        var (_, inUse, _) = await SceneAsync();
        UseCulture(Cultures.English);
        var dispatcher = await StartAsync();

        await RunAsync(dispatcher, new DeleteNicsAction([inUse]));

        _outcomes.ShouldHaveSingleItem().ShouldBe(new CommandFailedAction($"NIC [{inUse}] is in-use, not available"));
    }

    [Fact]
    public async Task DeletingAnAvailableNicSucceedsAndItIsGone()
    {
        var (_, _, available) = await SceneAsync();
        var dispatcher = await StartAsync();

        await RunAsync(dispatcher, new DeleteNicsAction([available]));

        _outcomes.ShouldHaveSingleItem().ShouldBe(new CommandSucceededAction("已删除 1 块网卡"));
        (await ExistsAsync(available)).ShouldBeFalse();
    }

    [Fact]
    public async Task DeletingAnAvailableAndAnInUseNicTogetherDeletesNeither()
    {
        var (_, inUse, available) = await SceneAsync();
        var dispatcher = await StartAsync();

        await RunAsync(dispatcher, new DeleteNicsAction([available, inUse]));

        _outcomes.ShouldHaveSingleItem().ShouldBeOfType<CommandFailedAction>().Message.ShouldContain(inUse);
        (await ExistsAsync(available)).ShouldBeTrue();
    }

    [Fact]
    public async Task AttachingToAStoppedServerFailsWithTheReason()
    {
        var (server, _, available) = await SceneAsync();
        (await Harness.Get<StopInstances>().RunAsync(Harness.Context, [server])).Ok();
        await Harness.Jobs.RunAllPendingAsync();
        var dispatcher = await StartAsync();

        await RunAsync(dispatcher, new AttachNicsAction([available], server));

        _outcomes.ShouldHaveSingleItem().ShouldBe(new CommandFailedAction($"云服务器 [{server}] 的状态是 stopped，不是运行中"));
        (await Harness.NicAsync(available)).Status.ShouldBe(NicStatus.Available);
    }

    [Fact]
    public async Task AttachingToARunningServerStartsAJobAndSaysWhichOne()
    {
        var (server, _, available) = await SceneAsync();
        var dispatcher = await StartAsync();

        await RunAsync(dispatcher, new AttachNicsAction([available], server));

        var nic = await Harness.NicAsync(available);
        _outcomes.ShouldHaveSingleItem().ShouldBe(new CommandSucceededAction($"正在把 1 块网卡分配到 {server}（任务 {nic.JobId}）"));
        nic.Transition.ShouldBe(Transition.Attaching);
    }

    [Fact]
    public async Task RequestingMoreNicsThanTheVxNetHoldsFailsWhole()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        await Harness.RequestNicsAsync(vxnet, 250);
        var dispatcher = await StartAsync();

        await RunAsync(dispatcher, new RequestNicsAction(new RequestNics.Request(vxnet, "more", 3)));

        _outcomes.ShouldHaveSingleItem().ShouldBe(new CommandFailedAction($"私有网络 [{vxnet}] 已有 250 块网卡，再增加 3 块将超过 252 块的上限"));
        (await Harness.Get<VxNetQueries>().QueryAsync(Operator, new VxNetQuery { Ids = [vxnet] })).Ok().Items.Single().NicCount.ShouldBe(250);
    }

    [Fact]
    public async Task RequestingNicsSaysWhichAddressesTheyGot()
    {
        var vxnet = await Harness.CreateJoinedVxNetAsync();
        var dispatcher = await StartAsync();

        await RunAsync(dispatcher, new RequestNicsAction(new RequestNics.Request(vxnet, "web", 2)));

        _outcomes.ShouldHaveSingleItem().ShouldBe(new CommandSucceededAction("已申请网卡：172.16.1.2, 172.16.1.3"));
    }

    [Fact]
    public async Task ALoadTheDomainRefusesEndsInAFailureTheListShows()
    {
        await SceneAsync();
        var dispatcher = await StartAsync();

        await RunAsync(dispatcher, new LoadNicsAction(new NicQuery { Page = new(SortBy: "bogus") }));

        _outcomes.ShouldHaveSingleItem().ShouldBe(new LoadNicsFailedAction("不能按 [bogus] 排序"));
        var state = Services.GetRequiredService<IState<NicsState>>().Value;
        state.ErrorMessage.ShouldBe("不能按 [bogus] 排序");
        state.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public async Task ALoadEndsWithThePageOfItsQuery()
    {
        var (_, inUse, available) = await SceneAsync();
        var dispatcher = await StartAsync();
        var query = new NicQuery { VxNetTypes = [VxNetType.Managed] };

        await RunAsync(dispatcher, new LoadNicsAction(query));

        _outcomes.ShouldHaveSingleItem().ShouldBeOfType<LoadNicsSucceededAction>().Query.ShouldBe(query);
        var state = Services.GetRequiredService<IState<NicsState>>().Value;
        state.Items.Select(n => n.Id).ShouldBe([inUse, available], ignoreOrder: true);
        state.TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task AReloadAskedForDuringALateReadShowsTheNewestRowsAfterIt()
    {
        var (_, _, available) = await SceneAsync();
        var reads = new LateNicReads(Harness.Get<UseCaseServices>());
        Services.AddSingleton<NicQueries>(reads);
        var dispatcher = await StartAsync();
        var query = new NicQuery { Ids = [available] };

        reads.HoldNext();
        dispatcher.Dispatch(new LoadNicsAction(query));
        await reads.HasRead.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (await Harness.Get<ModifyNic>().RunAsync(Operator, new ModifyNic.Request(available, Name: "renamed"))).Ok();
        dispatcher.Dispatch(new LoadNicsAction(query));
        reads.Release();
        await Services.GetRequiredService<IStore>().WhenIdle();

        // The late read still lands, but first: the reload asked for after the rename reads after it, and has the last word.
        _outcomes.Count.ShouldBe(2);
        _outcomes.Cast<LoadNicsSucceededAction>().Select(a => a.Page.Items.Single().Name).ShouldBe(["nic", "renamed"]);
        Services.GetRequiredService<IState<NicsState>>().Value.Items.Single().Name.ShouldBe("renamed");
    }
}
