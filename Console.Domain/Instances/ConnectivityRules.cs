using NicConsole.Domain.Common;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Instances;

/// <summary>Which addresses a connectivity check may ping: a host of one of the server's networks, nothing else.</summary>
public static class ConnectivityRules
{
    /// <summary>The refusal of a connectivity check from a server on another host (<paramref name="host"/>), naming the host to an Admin only.</summary>
    public static DomainError HostRefusal(string instanceId, string host, bool admin) =>
        admin ? DomainErrors.GuestOnOtherHost(instanceId, host) : DomainErrors.GuestOnAnotherHost(instanceId);

    /// <summary>This host, loopback, link-local, multicast and the reserved and broadcast block: never a target.</summary>
    private static readonly IReadOnlyList<Cidr> Special =
        [Cidr.Parse("0.0.0.0/8"), Cidr.Parse("127.0.0.0/8"), Cidr.Parse("169.254.0.0/16"), Cidr.Parse("224.0.0.0/4"), Cidr.Parse("240.0.0.0/4")];

    public static DomainError? TargetRefusal(string? target, IReadOnlyList<Cidr> networks)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return DomainErrors.Required("target");
        }
        if (!IpAddress.TryParse(target, out var address))
        {
            return DomainErrors.InvalidIp(target);
        }
        if (Special.Any(s => s.Contains(address)))
        {
            return DomainErrors.ConnectivityTargetNotAllowed(target);
        }
        var within = networks.Where(n => n.Contains(address)).ToList();
        if (within.Count == 0)
        {
            return DomainErrors.ConnectivityTargetOutside(target, networks.Count == 0 ? "-" : string.Join(", ", networks));
        }
        return within.Any(n => n.PrefixLength < 31 && (address == n.First || address == n.Last))
            ? DomainErrors.ConnectivityTargetNotAllowed(target)
            : null;
    }
}
