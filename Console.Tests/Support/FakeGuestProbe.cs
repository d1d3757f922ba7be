using NicConsole.Domain.DataPlane;

namespace NicConsole.Tests.Support;

/// <summary>A probe that works (or not, with a reason) and answers what a test set: each server's kernel state, and each ping.</summary>
public sealed class FakeGuestProbe : IGuestProbe
{
    public bool Available { get; set; } = true;

    public string? Reason { get; set; }

    public Dictionary<string, GuestKernelState> Kernels { get; } = [];

    /// <summary>Every ping asked for, as (server, target).</summary>
    public List<(string Server, string Target)> Pings { get; } = [];

    public Func<string, PingResult> Ping { get; set; } = target => Reply(target, 3);

    public Task<GuestKernelState?> ReadAsync(string serverId, CancellationToken cancellationToken) =>
        Task.FromResult(Kernels.GetValueOrDefault(serverId));

    public Task<PingResult> PingAsync(string serverId, string target, CancellationToken cancellationToken)
    {
        Pings.Add((serverId, target));
        return Task.FromResult(Ping(target));
    }

    /// <summary>What <c>ping -c 3</c> prints when <paramref name="received"/> of three replies come back.</summary>
    public static PingResult Reply(string target, int received, double rtt = 0.05)
    {
        var lines = Enumerable.Range(1, received).Select(n => $"64 bytes from {target}: icmp_seq={n} ttl=64 time={rtt:0.000} ms");
        var loss = (3 - received) * 100 / 3;
        var output = $"PING {target} ({target}) 56(84) bytes of data.\n{string.Join("\n", lines)}\n\n--- {target} ping statistics ---\n"
            + $"3 packets transmitted, {received} received, {loss}% packet loss, time 2003ms\n"
            + (received > 0 ? $"rtt min/avg/max/mdev = {rtt:0.000}/{rtt:0.000}/{rtt:0.000}/0.000 ms\n" : "");
        return new PingResult(target, output, 3, received, received > 0 ? rtt : null);
    }

    /// <summary>The simulated driver's own answer, for a test that wants the probe unavailable.</summary>
    public static FakeGuestProbe Simulated() => new() { Available = false, Reason = "the data plane is simulated" };
}
