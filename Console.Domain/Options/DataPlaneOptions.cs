namespace NicConsole.Domain.Options;

public sealed class DataPlaneOptions
{
    public const string Section = "DataPlane";

    /// <summary><c>Simulated</c> (the default: nothing is real) or <c>Linux</c> (namespaces, bridges and veth pairs; needs root).</summary>
    public string Driver { get; set; } = "Simulated";

    /// <summary>The prefix of every namespace the Linux driver makes (<c>{prefix}-h1</c>, <c>{prefix}-i-…</c>, <c>{prefix}-rtr-…</c>).</summary>
    public string Prefix { get; set; } = "nc";

    /// <summary>The host whose namespace (<c>{prefix}-{host}</c>) this driver fills: the console's own is h1, an agent's its host.</summary>
    public string Host { get; set; } = "h1";

    /// <summary>The link in the host's namespace that carries VXLAN to the other hosts (it holds the host's underlay address).</summary>
    public string UnderlayDevice { get; set; } = "ul0";

    /// <summary>How many NICs the Linux driver holds at most (each costs kernel memory and ARP entries); past it an attach is refused.</summary>
    public int MaxNics { get; set; } = 4000;

    /// <summary>How long one data-plane call may take before its job fails.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds));

    /// <summary>How often the reconciler brings the kernel back to the database (it also runs at start and after a failed job).</summary>
    public int ReconcileSeconds { get; set; } = 60;

    public TimeSpan ReconcileInterval => TimeSpan.FromSeconds(Math.Max(1, ReconcileSeconds));

    /// <summary>How long the simulated data plane takes to apply one job.</summary>
    public int LatencyMilliseconds { get; set; } = 300;
}
