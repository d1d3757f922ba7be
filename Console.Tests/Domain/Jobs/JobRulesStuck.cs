using NicConsole.Domain.DataPlane;
namespace NicConsole.Tests.Domain.Jobs;

public class JobRulesStuck
{
    private static readonly DateTime Created = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private static Job NewJob() => new("j-test0001", JobAction.AttachNics, ["52:54:00:00:00:01", "i-test0001"], "{}", DataPlaneSpec.Empty, "pek3a", "tester", OperationContext.DefaultTenant, Created);

    [Theory]
    [InlineData(119, false)]
    [InlineData(120, true)]
    [InlineData(600, true)]
    public void APendingJobIsStuckFromTheLimitOn(int seconds, bool stuck) =>
        NewJob().IsStuck(Created.AddSeconds(seconds), Limit).ShouldBe(stuck);

    [Fact]
    public void TheClockStartsAgainWhenTheJobStartsWorking()
    {
        var job = NewJob();
        job.Start("node-a", Created.AddSeconds(100), TimeSpan.FromSeconds(30));

        job.IsStuck(Created.AddSeconds(200), Limit).ShouldBeFalse();
        job.StuckAt(Limit).ShouldBe(Created.AddSeconds(220));
        job.IsStuck(Created.AddSeconds(220), Limit).ShouldBeTrue();
    }

    [Fact]
    public void AnEndedJobIsNeverStuck()
    {
        var job = NewJob();
        job.Start("node-a", Created, TimeSpan.FromSeconds(30));
        job.Finish("boom", Created);

        job.IsStuck(Created.AddDays(1), Limit).ShouldBeFalse();
        job.StuckAt(Limit).ShouldBeNull();
        job.RetryRefusal(Created.AddDays(1), Limit)!.ToString().ShouldBe(DomainErrors.JobEnded("j-test0001", "failed").ToString());
    }

    [Fact]
    public void AWorkingJobMayBeRetriedWhenItsLeaseRunsOutNotByItsAge()
    {
        var job = NewJob();
        job.Start("node-a", Created, TimeSpan.FromSeconds(30));
        job.Renew(new JobLease(job.Id, "node-a", 1), Created.AddMinutes(10), TimeSpan.FromSeconds(30));

        job.RetryRefusal(Created.AddMinutes(10).AddSeconds(29), Limit)!.ToString()
            .ShouldBe(DomainErrors.JobHeld("j-test0001", "node-a", Created.AddMinutes(10).AddSeconds(30)).ToString());
        job.RetryRefusal(Created.AddMinutes(10).AddSeconds(30), Limit).ShouldBeNull();
    }

    [Fact]
    public void RetryPutsAWorkingJobBackInTheQueueAndRefusesAnEndedOne()
    {
        var job = NewJob();
        job.Start("node-a", Created, TimeSpan.FromSeconds(30));

        job.Retry(Created.AddMinutes(5));

        (job.Status, job.StatusTime, job.Attempts).ShouldBe((JobStatus.Pending, Created.AddMinutes(5), 1));
        job.Start("node-a", Created.AddMinutes(6), TimeSpan.FromSeconds(30));
        job.Finish(null, Created.AddMinutes(6));
        Should.Throw<DomainException>(() => job.Retry(Created.AddMinutes(7)));
    }
}
