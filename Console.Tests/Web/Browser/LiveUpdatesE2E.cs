namespace NicConsole.Tests.Web.Browser;

/// <summary>Two operators in two browser contexts on one console: one attaches a NIC, the other sees it without a reload.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public class LiveUpdatesE2E(BrowserFixture browser)
{
    [Fact]
    public async Task AnAttachByOneOperatorShowsInUseOnTheOthersNicListAndOverview()
    {
        const string test = nameof(AnAttachByOneOperatorShowsInUseOnTheOthersNicListAndOverview);
        var (nic, server) = await LiveScene.AvailableNicAndRunningServerAsync(browser.App, "172.16.77.0/24");
        await using var first = await browser.OpenAsync(test + "/operator-1", "/nics");
        await using var second = await browser.OpenAsync(test + "/operator-2", "/nics");
        var overview = new BrowserSession(second.Page.Context, await second.Page.Context.NewPageAsync(), browser.App.BaseUrl,
            Path.Combine(BrowserFixture.ArtifactsFolder, test, "operator-2-overview"));
        await overview.GoToAsync("/");

        await LiveScene.AttachOnOneAndSeeItOnTheOtherAsync(first, second, overview, nic, server);

        overview.Errors.ShouldBeEmpty("the overview tab's console showed errors");
    }
}
