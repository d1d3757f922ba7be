using System.Diagnostics.Metrics;

namespace NicConsole.Web.Telemetry;

/// <summary>
/// The last hour of this node's control plane, minute by minute, heard from the same instruments Prometheus reads
/// (<c>nicconsole.jobs.completed</c>, <c>nicconsole.job.duration</c>, <c>nicconsole.api.calls</c>): the dashboard's
/// "control plane" card, for an operator without Grafana. It listens only to this host's meters, from the host's start
/// (a hosted service, so that nothing before the first dashboard is missed).
/// </summary>
public sealed class ControlPlaneWindow : IHostedService, IDisposable
{
    public const int Minutes = 60;

    /// <summary>The job times kept per minute for the p95 (a uniform sample beyond that).</summary>
    public const int SamplesPerMinute = 1024;

    private const string JobsCompleted = "nicconsole.jobs.completed";
    private const string JobDuration = "nicconsole.job.duration";
    private const string ApiCalls = "nicconsole.api.calls";

    private readonly TimeProvider _time;
    private readonly MeterListener _listener;
    private readonly Minute[] _minutes = new Minute[Minutes];
    private readonly Lock _gate = new();

    public ControlPlaneWindow(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        for (var i = 0; i < Minutes; i++)
        {
            _minutes[i] = new Minute();
        }
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name is JobsCompleted or JobDuration or ApiCalls)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => OnCount(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => OnDuration(instrument.Name, value));
        _listener.Start();
    }

    private void OnCount(string instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var failed = false;
        foreach (var tag in tags)
        {
            failed |= tag is { Key: "api.ret_code", Value: int code } && code != 0;
        }
        lock (_gate)
        {
            var minute = Current();
            if (instrument == JobsCompleted)
            {
                minute.Jobs += value;
            }
            else
            {
                minute.Calls += value;
                minute.Errors += failed ? value : 0;
            }
        }
    }

    private void OnDuration(string instrument, double seconds)
    {
        if (instrument != JobDuration)
        {
            return;
        }
        lock (_gate)
        {
            var minute = Current();
            minute.Seen++;
            if (minute.Durations.Count < SamplesPerMinute)
            {
                minute.Durations.Add(seconds);
            }
            else if (Random.Shared.NextInt64(minute.Seen) is var slot && slot < SamplesPerMinute)
            {
                minute.Durations[(int)slot] = seconds;
            }
        }
    }

    private long MinuteNow => _time.GetUtcNow().ToUnixTimeSeconds() / 60;

    private Minute Current()
    {
        var now = MinuteNow;
        var minute = _minutes[now % Minutes];
        if (minute.Index != now)
        {
            minute.Reset(now);
        }
        return minute;
    }

    /// <summary>Jobs per minute over the last five minutes, the p95 job time and the API error rate over the last hour.</summary>
    public ControlPlaneFigures Figures()
    {
        lock (_gate)
        {
            var now = MinuteNow;
            var live = _minutes.Where(m => m.Index > now - Minutes && m.Index <= now).ToList();
            var recent = live.Where(m => m.Index > now - 5).Sum(m => m.Jobs);
            var durations = live.SelectMany(m => m.Durations).Order().ToList();
            var calls = live.Sum(m => m.Calls);
            var errors = live.Sum(m => m.Errors);
            return new ControlPlaneFigures(
                recent / 5.0,
                live.Sum(m => m.Jobs),
                durations.Count == 0 ? null : TimeSpan.FromSeconds(durations[Math.Min(durations.Count - 1, (int)Math.Ceiling(durations.Count * 0.95) - 1)]),
                calls,
                calls == 0 ? null : (double)errors / calls);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _listener.Dispose();

    private sealed class Minute
    {
        public long Index = -1;
        public long Jobs;
        public long Calls;
        public long Errors;
        public long Seen;
        public List<double> Durations { get; } = [];

        public void Reset(long index)
        {
            (Index, Jobs, Calls, Errors, Seen) = (index, 0, 0, 0, 0);
            Durations.Clear();
        }
    }
}

/// <summary>What the dashboard's control-plane card shows; a figure with nothing to measure is null.</summary>
public sealed record ControlPlaneFigures(double JobsPerMinute, long JobsLastHour, TimeSpan? JobP95, long ApiCalls, double? ApiErrorRate);
