namespace NicConsole.Domain.DataPlane;

/// <summary>Looks inside a server from its own network namespace: what the guest has, and whether it reaches an address.</summary>
public interface IGuestProbe
{
    /// <summary>Whether probing works here; when not, <see cref="Reason"/> says why (for a disabled control).</summary>
    bool Available { get; }

    string? Reason { get; }

    /// <summary>The server's interfaces and routes as the kernel has them; null when the server has no namespace.</summary>
    Task<GuestKernelState?> ReadAsync(string serverId, CancellationToken cancellationToken);

    /// <summary>Runs <c>ping -c 3 -W 1 target</c> in the server's namespace.</summary>
    Task<PingResult> PingAsync(string serverId, string target, CancellationToken cancellationToken);
}

public sealed record GuestKernelState(IReadOnlyList<GuestLink> Links, IReadOnlyList<GuestRoute> Routes);

/// <summary>One link in the guest: name, MAC, whether it is up, its IPv4 addresses as <c>a.b.c.d/len</c>, and its MTU (0: not read).</summary>
public sealed record GuestLink(string Name, string Mac, bool Up, IReadOnlyList<string> Addresses, int Mtu = 0);

/// <summary>One IPv4 route: destination <c>default</c> or <c>a.b.c.d/len</c>, gateway (or none), device.</summary>
public sealed record GuestRoute(string Destination, string? Gateway, string Device);

/// <summary>A ping's outcome: the command's own output and what it says.</summary>
public sealed record PingResult(string Target, string Output, int Transmitted, int Received, double? AverageRttMilliseconds)
{
    public bool Reachable => Received > 0;

    public int LossPercent => Transmitted == 0 ? 100 : (Transmitted - Received) * 100 / Transmitted;
}
