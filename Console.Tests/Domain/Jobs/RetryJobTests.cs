using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Operations;

namespace NicConsole.Tests.Domain.Jobs;

public class RetryJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private DomainHarness _h = null!;
    private string _server = "";
    private string _nic = "";

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync(new Dictionary<string, string?> { ["Jobs:MaxAttempts"] = "1" }, _time);
        var vxnet = await _h.CreateJoinedVxNetAsync();
        _server = await _h.RunServerAsync();
        _nic = (await _h.RequestNicsAsync(vxnet))[0];
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task<string> AttachLeftPendingAsync() => (await _h.Get<AttachNics>().RunAsync(_h.Context, [_nic], _server)).Ok().JobId;

    /// <summary>What a hung data plane leaves: the job claimed by a worker that never comes back.</summary>
    private async Task LeaveWorkingAsync(string jobId)
    {
        await using var db = _h.Db();
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
        job.Start("node-a", _time.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(30));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task AJobIsStuckOnlyOnceItHasWaitedLongerThanTheLimit()
    {
        var job = await AttachLeftPendingAsync();
        _time.Advance(TimeSpan.FromSeconds(119));

        var early = await _h.Get<DashboardQueries>().GetAsync(_h.Context);
        var refused = (await _h.Get<RetryJob>().RunAsync(_h.Context, job)).Refused(RetCode.PermissionDenied);

        early.Ok().StuckJobs.ShouldBeEmpty();
        early.Ok().NextStuckAt.ShouldBe(_time.GetUtcNow().UtcDateTime.AddSeconds(1));
        refused.ToString().ShouldBe(DomainErrors.JobNotStuck(job, "pending", 119, 120).ToString());
        (await _h.JobAsync(job)).Status.ShouldBe(JobStatus.Pending);

        _time.Advance(TimeSpan.FromSeconds(2));
        var late = (await _h.Get<DashboardQueries>().GetAsync(_h.Context)).Ok();

        late.StuckJobs.Single().Job.Id.ShouldBe(job);
        late.StuckJobs.Single().Age.ShouldBe(TimeSpan.FromSeconds(121));
        late.StuckJobCount.ShouldBe(1);
        late.NextStuckAt.ShouldBeNull();
    }

    [Fact]
    public async Task AStuckWorkingJobGoesBackToTheQueueAndRunsAgain()
    {
        var job = await AttachLeftPendingAsync();
        await LeaveWorkingAsync(job);
        _time.Advance(TimeSpan.FromMinutes(5));

        var accepted = (await _h.Get<RetryJob>().RunAsync(_h.Context, job)).Ok();

        accepted.JobId.ShouldBe(job);
        var retried = await _h.JobAsync(job);
        retried.Status.ShouldBe(JobStatus.Pending);
        retried.StatusTime.ShouldBe(_time.GetUtcNow().UtcDateTime);
        (await _h.Get<DashboardQueries>().GetAsync(_h.Context)).Ok().StuckJobs.ShouldBeEmpty();

        await _h.Jobs.RunAllPendingAsync();

        (await _h.JobAsync(job)).Status.ShouldBe(JobStatus.Successful);
        (await _h.NicAsync(_nic)).Status.ShouldBe(NicStatus.InUse);
    }

    [Fact]
    public async Task AWorkingJobWhoseNodeRenewsItsLeaseIsRefusedHoweverLongItRuns()
    {
        var job = await AttachLeftPendingAsync();
        await LeaveWorkingAsync(job);
        _time.Advance(TimeSpan.FromMinutes(3));
        var until = await RenewAsync(job);

        var refused = (await _h.Get<RetryJob>().RunAsync(_h.Context, job)).Refused(RetCode.PermissionDenied);

        refused.ToString().ShouldBe(DomainErrors.JobHeld(job, "node-a", until).ToString());
        refused.EnglishMessage.ShouldContain($"held by node node-a until {until:yyyy-MM-dd HH:mm:ss} UTC");
        var held = await _h.JobAsync(job);
        (held.Status, held.Node, held.LeaseUntil).ShouldBe((JobStatus.Working, "node-a", until));
        // The dashboard lists it as stuck by age, with its Retry refused for the same reason.
        var stuck = (await _h.Get<DashboardQueries>().GetAsync(_h.Context)).Ok().StuckJobs.ShouldHaveSingleItem();
        stuck.RetryRefusal.ShouldNotBeNull().ToString().ShouldBe(refused.ToString());
    }

    [Fact]
    public async Task AWorkingJobWhoseLeaseRanOutCanBeRetriedBeforeTheStuckLimit()
    {
        var job = await AttachLeftPendingAsync();
        await LeaveWorkingAsync(job);
        _time.Advance(TimeSpan.FromSeconds(31));

        (await _h.Get<RetryJob>().RunAsync(_h.Context, job)).Ok();

        (await _h.JobAsync(job)).Status.ShouldBe(JobStatus.Pending);
    }

    /// <summary>What node-a's heartbeat does while the data plane works: the lease runs 30 s from now.</summary>
    private async Task<DateTime> RenewAsync(string jobId)
    {
        await using var db = _h.Db();
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId);
        var now = _time.GetUtcNow().UtcDateTime;
        job.Renew(new JobLease(jobId, "node-a", job.Attempts), now, TimeSpan.FromSeconds(30)).ShouldBeTrue();
        await db.SaveChangesAsync();
        return now.AddSeconds(30);
    }

    [Fact]
    public async Task ARetryIsLoggedAndWakesTheWorker()
    {
        var job = await AttachLeftPendingAsync();
        _time.Advance(TimeSpan.FromMinutes(3));
        var published = new List<ResourceChange>();
        using var subscription = _h.Services.GetRequiredService<IChangeFeed>().Subscribe(published.AddRange);

        (await _h.Get<RetryJob>().RunAsync(_h.Context, job)).Ok();

        var change = published.Single();
        (change.Action, change.Result, change.JobId).ShouldBe((RetryJob.LogAction, OperationResult.Accepted, job));
        change.ResourceIds.ShouldBe([_nic, _server]);
        var entry = (await _h.Get<OperationQueries>().QueryAsync(_h.Context, new OperationQuery { Actions = [RetryJob.LogAction] })).Ok().Items.Single();
        entry.User.ShouldBe(_h.Context.User);
        entry.JobId.ShouldBe(job);
        entry.Detail.ShouldContain("pending for 180 s");
    }

    [Fact]
    public async Task ARetryDoesNotCountAgainstTheRestartTries()
    {
        var job = await AttachLeftPendingAsync();
        await LeaveWorkingAsync(job);
        _time.Advance(TimeSpan.FromMinutes(5));

        (await _h.Get<RetryJob>().RunAsync(_h.Context, job)).Ok();

        (await _h.JobAsync(job)).Attempts.ShouldBe(1);
        (await _h.JobAsync(job)).Status.ShouldBe(JobStatus.Pending);
    }

    [Fact]
    public async Task RefusesAJobThatHasEnded()
    {
        var job = await AttachLeftPendingAsync();
        await _h.Jobs.RunAllPendingAsync();
        _time.Advance(TimeSpan.FromHours(1));

        var refused = (await _h.Get<RetryJob>().RunAsync(_h.Context, job)).Refused(RetCode.PermissionDenied);

        refused.ToString().ShouldBe(DomainErrors.JobEnded(job, "successful").ToString());
        (await _h.JobAsync(job)).Status.ShouldBe(JobStatus.Successful);
    }

    [Fact]
    public async Task RefusesAnUnknownJobAndAJobOfAnotherZone()
    {
        var job = await AttachLeftPendingAsync();
        _time.Advance(TimeSpan.FromHours(1));

        (await _h.Get<RetryJob>().RunAsync(_h.Context, "j-nothere")).Refused(RetCode.ResourceNotFound);
        (await _h.Get<RetryJob>().RunAsync(_h.Context with { Zone = "sh1a" }, job)).Refused(RetCode.PermissionDenied);

        (await _h.JobAsync(job)).StatusTime.ShouldBe(new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc));
    }
}
