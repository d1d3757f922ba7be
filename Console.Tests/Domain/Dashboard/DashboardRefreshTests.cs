using Microsoft.Extensions.Time.Testing;
using NicConsole.Domain.Changes;

namespace NicConsole.Tests.Domain.Dashboard;

/// <summary>The dashboard brought up to date from the changes it heard: what a fresh read would show, for fewer reads.</summary>
public class DashboardRefreshTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 30, 0, TimeSpan.Zero));
    private DomainHarness _h = null!;
    private ChangeInbox _heard = null!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync(time: _time);
        _heard = new ChangeInbox(_h.Get<IChangeFeed>());
    }

    public async Task DisposeAsync()
    {
        _heard.Dispose();
        await _h.DisposeAsync();
    }

    private DashboardQueries Dashboard => _h.Get<DashboardQueries>();

    private async Task<DashboardView> ReadAsync() => (await Dashboard.GetAsync(_h.Context)).Ok();

    private IReadOnlyList<ResourceChange> TakeHeard() => _heard.Take();

    /// <summary>Everything the page shows, as text: two views that show the same read the same.</summary>
    private static string Shown(DashboardView d) => string.Join('\n',
        Counts("nics", d.Nics), Counts("vxnets", d.VxNets), Counts("vpcs", d.Vpcs), Counts("servers", d.Servers),
        "fullest vxnets " + string.Join(", ", d.FullestVxNets.Select(u => $"{u.Id} {u.Name} {u.Used}")),
        "fullest servers " + string.Join(", ", d.FullestServers.Select(u => $"{u.Id} {u.Name} {u.Used}")),
        $"jobs {d.Jobs} failed {string.Join(", ", d.FailedJobs.Select(j => j.Id))} stuck {d.StuckJobCount} next {d.NextStuckAt}",
        "latest " + string.Join(", ", d.LatestOperations.Select(o => o.Id)),
        "activity " + string.Join(", ", d.NicActivity.Where(a => a.Created + a.Attached + a.Detached > 0)));

    private static string Counts(string kind, ResourceCounts counts) =>
        $"{kind} {counts.Total} changing {counts.Changing}: " + string.Join(", ", counts.ByStatus.Select(s => $"{s.Status} {s.Count}"));

    [Fact]
    public async Task EveryKindOfChangeCountedFromTheChangesShowsWhatAFreshReadShows()
    {
        var shown = await ReadAsync();
        async Task Step(Func<Task> change)
        {
            await change();
            shown = (await Dashboard.RefreshAsync(_h.Context, shown, TakeHeard())).Ok();
            Shown(shown).ShouldBe(Shown(await ReadAsync()));
        }

        var vpc = "";
        var vxnet = "";
        var server = "";
        IReadOnlyList<string> nics = [];
        await Step(async () => vpc = await _h.CreateVpcAsync());
        await Step(async () => vxnet = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", vpc));
        await Step(async () => server = await _h.RunServerAsync("hosta", vxnet));
        await Step(async () => nics = await _h.RequestNicsAsync(vxnet, 3));
        // Accepted, then settled: the NICs are changing in between.
        await Step(async () => (await _h.Get<AttachNics>().RunAsync(_h.Context, [nics[0], nics[1]], server)).Ok());
        await Step(() => _h.Jobs.RunAllPendingAsync());
        await Step(async () => (await _h.Get<ModifyVxNet>().RunAsync(_h.Context, vxnet, "renamed", null)).Ok());
        await Step(async () => (await _h.Get<ModifyInstance>().RunAsync(_h.Context, server, "renamed-server", null)).Ok());
        await Step(async () => (await _h.Get<DetachNics>().RunAsync(_h.Context, [nics[1]])).Ok());
        await Step(() => _h.Jobs.RunAllPendingAsync());
        await Step(async () => (await _h.Get<DeleteNics>().RunAsync(_h.Context, [nics[2]])).Ok());
        await Step(async () => (await _h.Get<StopInstances>().RunAsync(_h.Context, [server])).Ok());
        await Step(() => _h.Jobs.RunAllPendingAsync());
        var loose = "";
        await Step(async () => loose = (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "loose")).Ok()[0]);
        await Step(async () => (await _h.Get<DeleteVxNets>().RunAsync(_h.Context, [loose])).Ok());
        var spare = "";
        await Step(async () => spare = await _h.CreateVpcAsync("172.17.0.0/16"));
        await Step(async () => (await _h.Get<DeleteVpcs>().RunAsync(_h.Context, [spare])).Ok());
        await Step(() => _h.Jobs.RunAllPendingAsync());
        await Step(async () => (await _h.Get<TerminateInstances>().RunAsync(_h.Context, [server])).Ok());
        await Step(() => _h.Jobs.RunAllPendingAsync());
    }

    [Fact]
    public async Task ManyChangesAtOnceAreCountedOnceEach()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var server = await _h.RunServerAsync("hosta", vxnet);
        var shown = await ReadAsync();
        TakeHeard();

        var nics = await _h.RequestNicsAsync(vxnet, 4);
        await _h.AttachAsync(server, nics[0], nics[1]);
        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nics[0]])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        await _h.AttachAsync(server, nics[0]);

        var refreshed = (await Dashboard.RefreshAsync(_h.Context, shown, TakeHeard())).Ok();

        Shown(refreshed).ShouldBe(Shown(await ReadAsync()));
        refreshed.Nics.Of("in-use").ShouldBe(3);
    }

    [Fact]
    public async Task AChangeTheReadAlreadyCountedIsNotCountedAgain()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        TakeHeard();
        await _h.RequestNicsAsync(vxnet, 2);
        // Read after the commit, but the change is heard only now (the feed is slower than the read).
        var shown = await ReadAsync();

        var refreshed = (await Dashboard.RefreshAsync(_h.Context, shown, TakeHeard())).Ok();

        refreshed.Nics.Total.ShouldBe(2);
        Shown(refreshed).ShouldBe(Shown(shown));
    }

    [Fact]
    public async Task ARenameReadsOnlyTheLatestOperations()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var nic = (await _h.RequestNicsAsync(vxnet))[0];
        var shown = await ReadAsync();
        TakeHeard();
        (await _h.Get<ModifyNic>().RunAsync(_h.Context, new ModifyNic.Request(nic, Name: "renamed"))).Ok();
        var heard = TakeHeard();
        using var sql = new SqlCapture(_h.DatabasePath);

        var refreshed = (await Dashboard.RefreshAsync(_h.Context, shown, heard)).Ok();

        sql.Commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        sql.Commands.ShouldHaveSingleItem().ShouldContain("OperationLog");
        refreshed.LatestOperations[0].Action.ShouldBe("ModifyNicAttributes");
    }

    [Fact]
    public async Task AChangeInAnotherZoneReadsNothingAndOneThatSaysNothingReadsItAll()
    {
        var shown = await ReadAsync();
        var elsewhere = new ResourceChange("CreateNics", [], OperationResult.Succeeded, null, "gd2", "default", null,
            [new Touched(ResourceKinds.Nic, "52:54:00:00:00:01", ["vxnet-x"], null, new ResourceState("available", false))], shown.Commit + 1);
        using var sql = new SqlCapture(_h.DatabasePath);

        (await Dashboard.RefreshAsync(_h.Context, shown, [elsewhere])).Ok().ShouldBeSameAs(shown);
        sql.Commands.ShouldBeEmpty();

        var unknown = new ResourceChange("Resync", [], OperationResult.Succeeded, null, DomainHarness.Zone);
        (await Dashboard.RefreshAsync(_h.Context, shown, [unknown])).Ok().ShouldNotBeSameAs(shown);
        sql.Commands.Count.ShouldBeGreaterThan(5);
    }
}
