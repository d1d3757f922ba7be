namespace NicConsole.Web.Telemetry;

/// <summary>The <c>Telemetry</c> section: Prometheus scraping and OTLP export, both off by default.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve <c>/metrics</c> in Prometheus' text format.</summary>
    public bool Prometheus { get; set; }

    /// <summary>The networks (CIDR) whose addresses may read <c>/metrics</c>; loopback when none is named.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The networks <see cref="AllowedNetworks"/> names, parsed; a bad entry stops the start naming it.</summary>
    public IReadOnlyList<System.Net.IPNetwork> Networks() => AllowedNetworks.Count == 0
        ? [System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128")]
        : AllowedNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"Telemetry:AllowedNetworks: '{n}' is not a network in CIDR form (e.g. 10.0.0.0/8).")).ToList();

    public sealed class OtlpOptions
    {
        /// <summary>Where traces, metrics and logs go over OTLP (e.g. http://collector:4317); nothing is exported when empty.</summary>
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
        public string Protocol { get; set; } = "grpc";
    }
}
