namespace NicConsole.Domain.Options;

public sealed class HostsOptions
{
    public const string Section = "Hosts";

    /// <summary>The host whose agent is the console itself (a one-host install); empty when every host runs its own agent.</summary>
    public string LocalAgent { get; set; } = "h1";

    /// <summary>
    /// The host every VPC's router runs on (and vxnet-0's) while it is online; while it is offline, the first online host
    /// by name stands in. Servers on other hosts reach their gateways over VXLAN; one place for routing keeps the
    /// gateway's MAC unique on each VxNet.
    /// </summary>
    public string RouterHost { get; set; } = "h1";

    /// <summary>How often an agent reports that it is alive.</summary>
    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>How long a host may go unheard before it is offline (two heartbeats missed; with the check each second, offline within 15 s).</summary>
    public int OfflineAfterSeconds { get; set; } = 10;

    /// <summary>
    /// Whether a job for a server on another host waits for that host's agent to report the change applied (and fails,
    /// after the data plane's timeout, when it does not). Off only where no agent runs at all (tests of the control plane).
    /// </summary>
    public bool WaitForAgents { get; set; } = true;

    public TimeSpan Heartbeat => TimeSpan.FromSeconds(Math.Max(1, HeartbeatSeconds));

    public TimeSpan OfflineAfter => TimeSpan.FromSeconds(Math.Max(1, OfflineAfterSeconds));
}
