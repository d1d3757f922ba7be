using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NicConsole.Domain.Telemetry;

/// <summary>
/// The names an operator's Prometheus and trace collector see: one <see cref="ActivitySource"/> for the console's spans
/// and one meter per area. Labels carry actions, codes, kinds and outcomes, never an id, a name or a tenant.
/// </summary>
public static class ConsoleTelemetry
{
    public const string SourceName = "NicConsole";

    /// <summary>The spans of an effect, an API call, a use case, a job and a data-plane operation.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    public const string JobsMeter = "NicConsole.Jobs";
    public const string DataPlaneMeter = "NicConsole.DataPlane";
    public const string DomainMeter = "NicConsole.Domain";
    public const string LiveMeter = "NicConsole.Live";
    public const string ApiMeter = "NicConsole.Api";
    public const string ConsoleMeter = "NicConsole.Console";

    public static IReadOnlyList<string> Meters { get; } = [JobsMeter, DataPlaneMeter, DomainMeter, LiveMeter, ApiMeter, ConsoleMeter];

    /// <summary>The buckets of every duration histogram (seconds): from a millisecond's database call to a minute's job.</summary>
    public static InstrumentAdvice<double> Seconds { get; } = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    };

    /// <summary>The W3C trace context of the current span (what a job keeps of the request that created it), or null.</summary>
    public static string? CurrentTraceParent => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The span context a job's span continues, from what <see cref="CurrentTraceParent"/> kept; default when none.</summary>
    public static ActivityContext Parent(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;

    /// <summary>The longest W3C trace context: 00-{32 hex}-{16 hex}-{2 hex}.</summary>
    public const int TraceParentLength = 55;
}
