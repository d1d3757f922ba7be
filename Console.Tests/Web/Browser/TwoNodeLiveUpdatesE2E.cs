namespace NicConsole.Tests.Web.Browser;

/// <summary>Two operators on two nodes sharing one database and Redis: one attaches on node A, the other's pages on node B follow.</summary>
[Collection(TwoNodeBrowserCollection.Name)]
[Trait("Category", "E2E")]
public class TwoNodeLiveUpdatesE2E(TwoNodeBrowserFixture nodes)
{
    [Fact]
    public async Task AnAttachOnNodeAShowsInUseOnNodeBsNicListAndOverview()
    {
        const string test = nameof(AnAttachOnNodeAShowsInUseOnNodeBsNicListAndOverview);
        var (nic, server) = await LiveScene.AvailableNicAndRunningServerAsync(nodes.A, "172.16.78.0/24");
        await using var first = await nodes.OpenAsync(nodes.A, test + "/node-a-operator-1", "/nics");
        await using var second = await nodes.OpenAsync(nodes.B, test + "/node-b-operator-2", "/nics");
        var overview = new BrowserSession(second.Page.Context, await second.Page.Context.NewPageAsync(), nodes.B.BaseUrl,
            Path.Combine(BrowserFixture.ArtifactsFolder, test, "node-b-operator-2-overview"));
        await overview.GoToAsync("/");

        await LiveScene.AttachOnOneAndSeeItOnTheOtherAsync(first, second, overview, nic, server);

        overview.Errors.ShouldBeEmpty("the overview tab's console showed errors");
    }
}
