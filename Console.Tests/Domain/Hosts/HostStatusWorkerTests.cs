using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Options;
using NicConsole.Domain.Services;

namespace NicConsole.Tests.Domain.Hosts;

/// <summary>The worker that turns what liveness heard into the hosts' status, on a clock of the test's own.</summary>
public class HostStatusWorkerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly Lifetime _lifetime = new();
    private DomainHarness _h = null!;
    private HostLiveness _liveness = null!;
    private HostStatusWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _h = await DomainHarness.StartAsync();
        (await _h.Get<RegisterHost>().RunAsync(_h.Context, new RegisterHost.Request("h2", DomainHarness.Zone, "192.0.2.12"))).Ok();
        await _h.SetHostOnlineAsync("h2", true);
        _liveness = new HostLiveness(_time, Options.Create(new HostsOptions { LocalAgent = "h1", OfflineAfterSeconds = 10 }));
        _worker = new HostStatusWorker(_h.Get<HostDirectory>(), _h.Get<ChangeRunner>(), _liveness, _time, _lifetime, NullLogger<HostStatusWorker>.Instance);
        _liveness.Heard("h2");
        await _worker.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None);
        _worker.Dispose();
        await _h.DisposeAsync();
    }

    private async Task<bool> OnlineAsync()
    {
        await using var db = _h.Db();
        return await db.Hosts.Where(h => h.Name == "h2").Select(h => h.Online).SingleAsync();
    }

    /// <summary>Moves the clock a second at a time, letting the worker's tick run after each.</summary>
    private async Task AdvanceAsync(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(30);
        }
    }

    /// <summary>Waits (on the real clock, for a slow machine) until the worker has written <paramref name="online"/>.</summary>
    private async Task<bool> BecomesAsync(bool online)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (await OnlineAsync() != online && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }
        return await OnlineAsync() == online;
    }

    [Fact]
    public async Task AHostUnheardForTheOfflineTimeGoesOfflineAndComesBackWhenHeard()
    {
        await AdvanceAsync(9);
        await Task.Delay(200);
        (await OnlineAsync()).ShouldBeTrue("heard 9 s ago");
        await AdvanceAsync(3);
        (await BecomesAsync(false)).ShouldBeTrue("unheard for the offline time");

        _liveness.Heard("h2");
        await AdvanceAsync(2);
        (await BecomesAsync(true)).ShouldBeTrue();
    }

    [Fact]
    public async Task AStoppingNodeNoLongerJudges()
    {
        // Its server no longer answers agents: their silence is its own, not their hosts'.
        _lifetime.StopApplication();
        await AdvanceAsync(15);
        await Task.Delay(200);

        (await OnlineAsync()).ShouldBeTrue();
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }
}
