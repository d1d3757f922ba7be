using System.Net;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Options;
using NicConsole.Domain.Telemetry;
using NicConsole.Web.Flux;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NicConsole.Web.Telemetry;

/// <summary>
/// OpenTelemetry for the console: the meters and sources of <see cref="ConsoleTelemetry"/>, ASP.NET Core's and the
/// runtime's, read by Prometheus on <c>/metrics</c> (<c>Telemetry:Prometheus</c>) and sent over OTLP with traces and
/// logs (<c>Telemetry:Otlp:Endpoint</c>). With both off no SDK runs: the instruments cost a check each, and only the
/// dashboard's <see cref="ControlPlaneWindow"/> listens.
/// </summary>
public static class TelemetryServiceExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>ASP.NET Core's own meters beyond hosting and Kestrel: open circuits, and sign-ins by result.</summary>
    public static readonly string[] FrameworkMeters = ["Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.Identity"];

    public static IServiceCollection AddConsoleTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.Section);
        services.Configure<TelemetryOptions>(section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        _ = options.Networks(); // a bad network stops the start here, not at the first scrape
        var otlp = string.IsNullOrWhiteSpace(options.Otlp.Endpoint) ? null : options.Otlp;
        if (!options.Prometheus && otlp is null)
        {
            return services;
        }
        var node = configuration.GetSection(NodeOptions.Section).Get<NodeOptions>()?.Id;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("nicconsole", serviceInstanceId: string.IsNullOrWhiteSpace(node) ? null : node))
            .WithMetrics(metrics =>
            {
                metrics.AddConsoleInstruments();
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => Otlp(o, otlp, "v1/metrics"));
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleSources().AddOtlpExporter(o => Otlp(o, otlp, "v1/traces")));
            telemetry.WithLogging(logging => logging.AddOtlpExporter(o => Otlp(o, otlp, "v1/logs")));
        }
        return services;
    }

    /// <summary>Every instrument the console exposes: its own meters, ASP.NET Core's and the runtime's.</summary>
    public static MeterProviderBuilder AddConsoleInstruments(this MeterProviderBuilder metrics) => metrics
        .AddMeter([.. ConsoleTelemetry.Meters])
        .AddMeter(FrameworkMeters)
        .AddAspNetCoreInstrumentation()
        .AddRuntimeInstrumentation();

    /// <summary>Every span source: an effect's, an API call's (and ASP.NET Core's request), a use case's, its database commands' (<see cref="DatabaseSpans"/>), a job's, the data plane's.</summary>
    public static TracerProviderBuilder AddConsoleSources(this TracerProviderBuilder tracing) => tracing
        .AddSource(ConsoleTelemetry.SourceName, Store.SourceName)
        .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/_framework") && !http.Request.Path.StartsWithSegments("/_content"));

    /// <summary>
    /// The exporter of one signal: gRPC takes the collector's address as it is; over http/protobuf an endpoint set in
    /// code is used as the whole URL, so the signal's path (<paramref name="path"/>, e.g. <c>v1/traces</c>) is added.
    /// </summary>
    private static void Otlp(OtlpExporterOptions exporter, TelemetryOptions.OtlpOptions options, string path)
    {
        var http = string.Equals(options.Protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase);
        exporter.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        exporter.Endpoint = http ? new Uri(options.Endpoint!.TrimEnd('/') + "/" + path) : new Uri(options.Endpoint!);
    }

    /// <summary>
    /// <c>/metrics</c> when <c>Telemetry:Prometheus</c> is on: no sign-in, and only for an address in
    /// <c>Telemetry:AllowedNetworks</c> (loopback by default); any other gets 403 and nothing of the figures.
    /// </summary>
    public static IEndpointRouteBuilder MapConsoleMetrics(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.Prometheus)
        {
            return endpoints;
        }
        var networks = options.Networks();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().Add(endpoint =>
        {
            var scrape = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = http =>
            {
                if (Allowed(http.Connection.RemoteIpAddress, networks))
                {
                    return scrape(http);
                }
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return endpoints;
    }

    public static bool Allowed(IPAddress? address, IReadOnlyList<System.Net.IPNetwork> networks)
    {
        if (address is null)
        {
            return false;
        }
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }
}
