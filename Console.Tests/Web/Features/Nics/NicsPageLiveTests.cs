using Bunit;
using System.Collections.Concurrent;
using NicConsole.Web.Features.Nics;
using NicConsole.Web.Features.Nics.Store;
using NicConsole.Web.Features.Shared.Store;
using Microsoft.AspNetCore.Components;
using NicConsole.Web.Flux;

namespace NicConsole.Tests.Web.Features.Nics;

/// <summary>An open NIC page reads itself again only for a change that can alter what it shows.</summary>
public class NicsPageLiveTests : ConsoleTestContext
{
    private readonly ConcurrentQueue<object> _seen = new();
    private IRenderedComponent<NicsPage> _page = null!;

    private int Loads => _seen.Count(a => a is LoadNicsAction);

    private int Heard => _seen.OfType<ResourcesChangedAction>().Sum(a => a.Changes.Count);

    /// <summary>The NIC page open on one VxNet's NICs, and a second VxNet with a NIC of its own.</summary>
    private async Task<(IStore Store, string Shown, string Other, string ShownNic, string OtherNic)> OpenOnOneVxNetAsync()
    {
        var vpc = await Harness.CreateVpcAsync();
        var shown = await Harness.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var other = await Harness.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        var shownNic = (await Harness.RequestNicsAsync(shown))[0];
        var otherNic = (await Harness.RequestNicsAsync(other))[0];
        var store = await StoreAsync();
        store.SubscribeToAction<LoadNicsAction>(this, _seen.Enqueue);
        store.SubscribeToAction<ResourcesChangedAction>(this, _seen.Enqueue);
        // As the VxNet's drawer links it.
        Services.GetRequiredService<NavigationManager>().NavigateTo($"nics?vxnet={shown}");
        RenderWithProviders<NicsPage>(out var page);
        page.WaitForAssertion(() => page.FindAll("#nics-grid tbody tr").Count.ShouldBe(1));
        page.Find("#nics-vxnet-filter").TextContent.ShouldContain($"net ({shown})");
        await store.WhenIdle();
        _page = page;
        return (store, shown, other, shownNic, otherNic);
    }

    /// <summary>Waits until the page's store has heard <paramref name="changes"/> changes in all and done what they asked.</summary>
    private async Task HeardAsync(IStore store, int changes)
    {
        for (var i = 0; i < 500 && Heard < changes; i++)
        {
            await Task.Delay(10);
        }
        Heard.ShouldBe(changes);
        await store.WhenIdle();
    }

    [Fact]
    public async Task AChangeInAnotherVxNetReadsNothing()
    {
        var (store, _, other, _, otherNic) = await OpenOnOneVxNetAsync();
        var loads = Loads;

        (await Harness.Get<ModifyNic>().RunAsync(Operator, new ModifyNic.Request(otherNic, Name: "elsewhere"))).Ok();
        await Harness.RequestNicsAsync(other, 2);
        (await Harness.Get<ModifyVxNet>().RunAsync(Operator, other, "other-renamed", null)).Ok();
        await HeardAsync(store, 3);

        Loads.ShouldBe(loads);
    }

    [Fact]
    public async Task AChangeToARowItsVxNetOrANewNicInItReadsThePageAgain()
    {
        var (store, shown, _, shownNic, _) = await OpenOnOneVxNetAsync();
        var loads = Loads;

        (await Harness.Get<ModifyNic>().RunAsync(Operator, new ModifyNic.Request(shownNic, Name: "renamed-here"))).Ok();
        await HeardAsync(store, 1);
        Loads.ShouldBe(loads + 1);

        (await Harness.Get<ModifyVxNet>().RunAsync(Operator, shown, "shown-renamed", null)).Ok();
        await HeardAsync(store, 2);
        Loads.ShouldBe(loads + 2);

        await Harness.RequestNicsAsync(shown);
        await HeardAsync(store, 3);
        Loads.ShouldBe(loads + 3);
        NicsOf(store).Items.Count.ShouldBe(2);
        NicsOf(store).Items.ShouldContain(n => n.Name == "renamed-here" && n.VxNetName == "shown-renamed");
    }

    [Fact]
    public async Task ANicMovedOutOfTheVxNetShownLeavesThePage()
    {
        var (store, _, other, shownNic, _) = await OpenOnOneVxNetAsync();

        (await Harness.Get<ModifyNic>().RunAsync(Operator, new ModifyNic.Request(shownNic, VxNetId: other))).Ok();
        await HeardAsync(store, 1);

        NicsOf(store).Items.ShouldBeEmpty();
    }

    private static NicsState NicsOf(IStore store) =>
        (NicsState)store.Features.Values.Single(f => f.GetStateType() == typeof(NicsState)).GetState()!;

    [Fact]
    public async Task ClosingTheVxNetFilterShowsEveryNic()
    {
        var (store, _, _, _, otherNic) = await OpenOnOneVxNetAsync();

        await _page.InvokeAsync(() => _page.Find("#nics-vxnet-filter .mud-chip-close-button").Click());

        _page.WaitForAssertion(() => _page.FindAll("#nics-grid tbody tr").Count.ShouldBe(2));
        _page.FindAll("#nics-vxnet-filter").ShouldBeEmpty();
        NicsOf(store).Items.ShouldContain(n => n.Id == otherNic);
    }
}
