using Microsoft.Extensions.Time.Testing;
using NicConsole.Domain.Dashboard;
using NicConsole.Domain.Operations;

namespace NicConsole.Tests.Domain.Dashboard;

public class DashboardQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private DomainHarness _h = null!;

    public async Task InitializeAsync() => _h = await DomainHarness.StartAsync(time: _time);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<DashboardView> DashboardAsync() => (await _h.Get<DashboardQueries>().GetAsync(_h.Context)).Ok();

    [Fact]
    public async Task CountsEachKindByStatus()
    {
        var vpc = await _h.CreateVpcAsync();
        var a = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        await _h.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        (await _h.Get<CreateVxNets>().RunAsync(_h.Context, "loose")).Ok();
        var hosta = await _h.RunServerAsync("hosta");
        var hostb = await _h.RunServerAsync("hostb");
        (await _h.Get<StopInstances>().RunAsync(_h.Context, [hostb])).Ok();
        await _h.Jobs.RunAllPendingAsync();
        var nics = await _h.RequestNicsAsync(a, 3);
        await _h.AttachAsync(hosta, nics[0]);
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nics[1]], hosta)).Ok();

        var dashboard = await DashboardAsync();

        dashboard.Nics.Total.ShouldBe(5);
        dashboard.Nics.ByStatus.ShouldBe([new StatusCount("available", 2), new StatusCount("in-use", 3)]);
        dashboard.Nics.Changing.ShouldBe(1);
        dashboard.VxNets.ByStatus.ShouldBe([new StatusCount(VxNetStates.InVpc, 2), new StatusCount(VxNetStates.NotInVpc, 1), new StatusCount(VxNetStates.Basic, 1)]);
        dashboard.VxNets.Total.ShouldBe(4);
        dashboard.Vpcs.ByStatus.ShouldBe([new StatusCount("pending", 0), new StatusCount("active", 1)]);
        dashboard.Servers.ByStatus.ShouldBe([new StatusCount("pending", 0), new StatusCount("running", 1), new StatusCount("stopped", 1)]);
        dashboard.Servers.Changing.ShouldBe(0);
    }

    [Fact]
    public async Task TheFullestVxNetsAndServersComeFirstAndTheEmptyOnesNotAtAll()
    {
        var vpc = await _h.CreateVpcAsync();
        var a = await _h.CreateJoinedVxNetAsync("172.16.1.0/24", vpc);
        var b = await _h.CreateJoinedVxNetAsync("172.16.2.0/24", vpc);
        await _h.CreateJoinedVxNetAsync("172.16.3.0/24", vpc);
        var hosta = await _h.RunServerAsync("hosta");
        var hostb = await _h.RunServerAsync("hostb", b);
        await _h.RequestNicsAsync(a, 2);
        var inB = await _h.RequestNicsAsync(b, 5);
        await _h.AttachAsync(hosta, inB[0], inB[1]);

        var dashboard = await DashboardAsync();

        dashboard.FullestVxNets.Select(u => (u.Id, u.Used, u.Capacity)).ShouldBe([(b, 6, 252), (a, 2, 252), (ResourceIds.BasicVxNet, 1, 252)]);
        dashboard.FullestVxNets[0].Detail.ShouldBe("172.16.2.0/24");
        dashboard.FullestServers.Select(u => (u.Id, u.Name, u.Used, u.Capacity)).ShouldBe([(hosta, "hosta", 3, 64), (hostb, "hostb", 1, 64)]);
    }

    [Fact]
    public async Task ShowsAtMostEightBars()
    {
        var vpc = await _h.CreateVpcAsync();
        for (var i = 1; i <= 10; i++)
        {
            await _h.RequestNicsAsync(await _h.CreateJoinedVxNetAsync($"172.16.{i}.0/24", vpc), i);
        }

        var dashboard = await DashboardAsync();

        dashboard.FullestVxNets.Count.ShouldBe(DashboardQueries.DashboardBars);
        dashboard.FullestVxNets.Select(u => u.Used).ShouldBe([10, 9, 8, 7, 6, 5, 4, 3]);
    }

    [Fact]
    public async Task CountsJobsRunningAndFailedWithinTheWindow()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var server = await _h.RunServerAsync();
        var nics = await _h.RequestNicsAsync(vxnet, 3);
        using (_h.DataPlane.FailWhen(w => w.Action == JobAction.AttachNics ? "link down" : null))
        {
            await _h.AttachAsync(server, nics[0]);
        }
        _time.Advance(TimeSpan.FromHours(25));
        using (_h.DataPlane.FailWhen(w => w.Action == JobAction.AttachNics ? "link down again" : null))
        {
            await _h.AttachAsync(server, nics[1]);
        }
        (await _h.Get<AttachNics>().RunAsync(_h.Context, [nics[2]], server)).Ok();

        var dashboard = await DashboardAsync();

        dashboard.Jobs.ShouldBe(new JobCounts(Pending: 1, Working: 0, Failed: 1));
        dashboard.FailedJobs.Single().Error.ShouldBe("link down again");
    }

    [Fact]
    public async Task ListsTheOldestStuckJobsFirstAndCountsThemAll()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var server = await _h.RunServerAsync();
        var nics = await _h.RequestNicsAsync(vxnet, 7);
        var jobs = new List<string>();
        foreach (var nic in nics)
        {
            jobs.Add((await _h.Get<AttachNics>().RunAsync(_h.Context, [nic], server)).Ok().JobId);
            _time.Advance(TimeSpan.FromSeconds(10));
        }
        _time.Advance(TimeSpan.FromSeconds(100));

        var dashboard = await DashboardAsync();

        dashboard.StuckJobCount.ShouldBe(6);
        dashboard.StuckJobs.Select(s => s.Job.Id).ShouldBe(jobs.Take(DashboardQueries.DashboardJobs));
        dashboard.StuckJobs[0].Age.ShouldBe(TimeSpan.FromSeconds(170));
        dashboard.NextStuckAt.ShouldBe(_time.GetUtcNow().UtcDateTime.AddSeconds(10));
    }

    [Fact]
    public async Task TheLatestOperationsAreTheTenNewest()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        for (var i = 0; i < 12; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await _h.RequestNicsAsync(vxnet);
        }
        _time.Advance(TimeSpan.FromSeconds(1));
        (await _h.Get<ModifyVxNet>().RunAsync(_h.Context, vxnet, "renamed", null)).Ok();

        var latest = (await DashboardAsync()).LatestOperations;

        latest.Count.ShouldBe(10);
        latest[0].Action.ShouldBe("ModifyVxnetAttributes");
        latest.Skip(1).ShouldAllBe(o => o.Action == "CreateNics");
        latest.Select(o => o.Time).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task ChartsNicsCreatedAttachedAndDetachedPerHourOverTheLastDay()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        var server = await _h.RunServerAsync();
        var old = await _h.RequestNicsAsync(vxnet, 7);
        _time.Advance(TimeSpan.FromHours(24));
        var nics = await _h.RequestNicsAsync(vxnet, 3);
        _time.Advance(TimeSpan.FromMinutes(45));
        await _h.AttachAsync(server, nics[0], nics[1]);
        await _h.AttachAsync(server, old[0]);
        using (_h.DataPlane.FailWhen(w => w.Action == JobAction.AttachNics ? "link down" : null))
        {
            await _h.AttachAsync(server, nics[2]);
        }
        _time.Advance(TimeSpan.FromHours(2));
        (await _h.Get<DetachNics>().RunAsync(_h.Context, [nics[1]])).Ok();
        await _h.Jobs.RunAllPendingAsync();

        var activity = (await DashboardAsync()).NicActivity;

        activity.Count.ShouldBe(24);
        activity[^1].Hour.ShouldBe(new DateTime(2026, 11, 29, 13, 0, 0, DateTimeKind.Utc));
        activity[0].Hour.ShouldBe(new DateTime(2026, 11, 28, 14, 0, 0, DateTimeKind.Utc));
        activity.Single(a => a.Hour.Hour == 10).ShouldBe(new NicActivity(new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), 3, 0, 0));
        activity.Single(a => a.Hour.Hour == 11).ShouldBe(new NicActivity(new DateTime(2026, 11, 29, 11, 0, 0, DateTimeKind.Utc), 0, 3, 0));
        activity[^1].ShouldBe(new NicActivity(new DateTime(2026, 11, 29, 13, 0, 0, DateTimeKind.Utc), 0, 0, 1));
        activity.Sum(a => a.Created + a.Attached + a.Detached).ShouldBe(7);
    }

    [Fact]
    public async Task AnotherZoneIsNotCounted()
    {
        var vxnet = await _h.CreateJoinedVxNetAsync();
        await _h.RequestNicsAsync(vxnet, 2);

        var other = (await _h.Get<DashboardQueries>().GetAsync(_h.Context with { Zone = "sh1a" })).Ok();

        other.Nics.Total.ShouldBe(0);
        other.FullestVxNets.ShouldBeEmpty();
        other.LatestOperations.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesAnUnknownZone() =>
        (await _h.Get<DashboardQueries>().GetAsync(_h.Context with { Zone = "nowhere" })).Refused(RetCode.InvalidParameter);
}
