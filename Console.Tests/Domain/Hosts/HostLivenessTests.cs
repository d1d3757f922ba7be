using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Options;

namespace NicConsole.Tests.Domain.Hosts;

public class HostLivenessTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly HostLiveness _liveness;

    public HostLivenessTests() =>
        _liveness = new HostLiveness(_time, Options.Create(new HostsOptions { LocalAgent = "h1", OfflineAfterSeconds = 10 }));

    [Fact]
    public void AHostHeardRecentlyIsHeardAndGoesSilentAfterTheOfflineTime()
    {
        _liveness.Heard("h2");
        _time.Advance(TimeSpan.FromSeconds(9));
        (_liveness.IsHeard("h2"), _liveness.IsSilent("h2")).ShouldBe((true, false));

        _time.Advance(TimeSpan.FromSeconds(1));
        (_liveness.IsHeard("h2"), _liveness.IsSilent("h2")).ShouldBe((false, true));

        _liveness.Heard("h2");
        (_liveness.IsHeard("h2"), _liveness.IsSilent("h2")).ShouldBe((true, false));
    }

    [Fact]
    public void AHostNotHeardSinceThisNodeStartedGetsTheOfflineTimeToReportButIsNeverHeardMeanwhile()
    {
        _time.Advance(TimeSpan.FromSeconds(9));
        (_liveness.IsHeard("h3"), _liveness.IsSilent("h3")).ShouldBe((false, false));

        _time.Advance(TimeSpan.FromSeconds(1));
        _liveness.IsSilent("h3").ShouldBeTrue();
    }

    [Fact]
    public void TheConsolesOwnAgentsHostIsHeardWhileTheConsoleRuns()
    {
        _time.Advance(TimeSpan.FromHours(1));

        (_liveness.IsHeard("h1"), _liveness.IsSilent("h1")).ShouldBe((true, false));
    }
}
