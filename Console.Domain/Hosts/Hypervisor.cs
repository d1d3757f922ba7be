using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NicConsole.Domain.Common;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// A hypervisor host (宿主机): the machine a server runs on. An Admin registers it with its zone, its underlay address
/// (where the other hosts send its VxNets' VXLAN traffic) and its capacity; its agent proves itself with a token that is
/// stored only as a hash and shown once. <see cref="Status"/> is <c>offline</c> while its agent is not heard,
/// <c>draining</c> while an Admin keeps new servers off it, else <c>ready</c>.
/// </summary>
public sealed partial class Hypervisor
{
    /// <summary>The host a one-host install runs on, its agent inside the console; existing servers moved onto it.</summary>
    public const string DefaultName = "h1";

    public const int NameLength = 32;
    public const int DefaultMaxServers = 200;
    public const int DefaultMaxNics = 2000;
    public const int MaxCapacity = 1_000_000;

    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int TokenLength = 40;

    private Hypervisor()
    {
    }

    private Hypervisor(string name, string zone, string underlay, int maxServers, int maxNics, bool online, DateTime now)
    {
        Name = name;
        Zone = zone;
        Underlay = underlay;
        MaxServers = maxServers;
        MaxNics = maxNics;
        Online = online;
        CreateTime = StatusTime = now;
    }

    public string Name { get; private set; } = "";
    public string Zone { get; private set; } = "";
    public string Underlay { get; private set; } = "";
    public int MaxServers { get; private set; }
    public int MaxNics { get; private set; }

    /// <summary>Whether its agent is heard (only a change of it is written, never each heartbeat).</summary>
    public bool Online { get; private set; }

    /// <summary>Whether an Admin keeps new servers off it.</summary>
    public bool Drained { get; private set; }

    /// <summary>SHA-256 of its agent's token, hex; empty: no agent can sign in (the console's own runs it).</summary>
    public string TokenHash { get; private set; } = "";

    public DateTime CreateTime { get; private set; }
    public DateTime StatusTime { get; private set; }

    public HostStatus Status => !Online ? HostStatus.Offline : Drained ? HostStatus.Draining : HostStatus.Ready;

    /// <summary>A host an Admin registers, offline until its agent first reports; returns it and its token (shown once).</summary>
    public static (Hypervisor Host, string Token) Register(string name, string zone, string underlay, int maxServers, int maxNics, DateTime now)
    {
        var host = new Hypervisor(name, zone, underlay, maxServers, maxNics, online: false, now);
        return (host, host.NewToken());
    }

    /// <summary>The one host of an install that never registered one: its agent is the console's own, so it is online and has no token.</summary>
    public static Hypervisor Local(string zone, DateTime now) =>
        new(DefaultName, zone, LocalUnderlay, LocalMaxServers, LocalMaxNics, online: true, now);

    /// <summary>The local host's underlay until an Admin gives it a real one: it sends VXLAN to nobody.</summary>
    public const string LocalUnderlay = "127.0.0.1";

    /// <summary>Room enough for the 100,000-NIC data set: a one-host install is not limited by its host.</summary>
    public const int LocalMaxServers = 10_000;

    public const int LocalMaxNics = 200_000;

    public string NewToken()
    {
        var token = $"{Name}.{RandomNumberGenerator.GetString(TokenAlphabet, TokenLength)}";
        TokenHash = Hash(token);
        return token;
    }

    /// <summary>Whether <paramref name="token"/> is this host's current one (constant time).</summary>
    public bool Accepts(string? token) =>
        TokenHash.Length > 0 && token is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(TokenHash));

    public void Modify(string underlay, int maxServers, int maxNics)
    {
        Underlay = underlay;
        MaxServers = maxServers;
        MaxNics = maxNics;
    }

    public void Drain(bool drained, DateTime now)
    {
        Drained = drained;
        StatusTime = now;
    }

    public void SetOnline(bool online, DateTime now)
    {
        Online = online;
        StatusTime = now;
    }

    /// <summary>Why a new server cannot go on this host (with <paramref name="servers"/> and <paramref name="nics"/> on it now, <paramref name="addingNics"/> to come), or null.</summary>
    public DomainError? PlacementRefusal(int servers, int nics, int addingNics) => Status switch
    {
        HostStatus.Offline => DomainErrors.HostOffline(Name),
        HostStatus.Draining => DomainErrors.HostDraining(Name),
        _ when servers + 1 > MaxServers => DomainErrors.HostFull(Name, "servers", servers, MaxServers),
        _ => NicRoomRefusal(nics, addingNics),
    };

    /// <summary>Why <paramref name="adding"/> more NICs do not fit on this host with <paramref name="nics"/> now, or null.</summary>
    public DomainError? NicRoomRefusal(int nics, int adding) =>
        nics + adding > MaxNics ? DomainErrors.HostFull(Name, "NICs", nics, MaxNics) : null;

    /// <summary>What is wrong with a registration's values, or null.</summary>
    public static DomainError? RegistrationRefusal(string name, string underlay, int maxServers, int maxNics)
    {
        if (!NamePattern().IsMatch(name))
        {
            return DomainErrors.InvalidHostName(name, NameLength);
        }
        if (!IPAddress.TryParse(underlay, out var address) || address.AddressFamily != AddressFamily.InterNetwork || address.ToString() != underlay)
        {
            return DomainErrors.InvalidIp(underlay);
        }
        if (maxServers is < 1 or > MaxCapacity)
        {
            return DomainErrors.InvalidValue("max_servers", maxServers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return maxNics is < 1 or > MaxCapacity
            ? DomainErrors.InvalidValue("max_nics", maxNics.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex NamePattern();
}

public enum HostStatus
{
    Ready,
    Draining,
    Offline,
}
