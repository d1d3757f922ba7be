using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NicConsole.Web.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NicConsole.Tests.Web.Telemetry;

/// <summary>Tests that read the process's meters run alone: a meter provider hears every meter of a name in the process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryAlone
{
    public const string Name = "Telemetry alone";
}

/// <summary>
/// The app in memory with OpenTelemetry's in-memory exporters on the console's own instruments and sources, and a
/// request's client address taken from <see cref="RemoteHeader"/> (TestServer has none).
/// </summary>
public sealed class TelemetryFactory(IDictionary<string, string>? settings = null) : ApiFactory(settings)
{
    public const string RemoteHeader = "X-Test-Remote-Address";

    private readonly List<Metric> _metrics = [];

    public List<Activity> Spans { get; } = [];

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddOpenTelemetry()
                .WithMetrics(m => m.AddConsoleInstruments().AddInMemoryExporter(_metrics))
                .WithTracing(t => t.AddConsoleSources().AddInMemoryExporter(Spans));
            services.AddSingleton<IStartupFilter, RemoteAddressFilter>();
        });
    }

    /// <summary>The points of <paramref name="name"/> as exported now: each one's tags (as text) and its sum (a counter) or count (a histogram).</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Tags, double Value)> Points(string name)
    {
        lock (_metrics)
        {
            _metrics.Clear();
            Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();
            var points = new List<(IReadOnlyDictionary<string, string>, double)>();
            foreach (var metric in _metrics.Where(m => m.Name == name))
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var tags = new Dictionary<string, string>();
                    foreach (var tag in point.Tags)
                    {
                        tags[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    }
                    double value = metric.MetricType switch
                    {
                        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                        MetricType.LongGauge => point.GetGaugeLastValueLong(),
                        MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                        _ => point.GetHistogramCount(),
                    };
                    points.Add((tags, value));
                }
            }
            return points;
        }
    }

    /// <summary>The value of <paramref name="name"/> at the point with exactly these tags among its own (0 when there is none).</summary>
    public double Value(string name, params (string Key, string Value)[] tags) =>
        Points(name).Where(p => tags.All(t => p.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).Sum(p => p.Value);

    /// <summary>The finished spans of one trace.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId trace)
    {
        Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
        // The exporter adds a span as it ends, on whatever thread ends it: read a copy.
        return Spans.ToArray().Where(s => s is not null && s.TraceId == trace).ToList();
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers[RemoteHeader] is [{ } address])
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
