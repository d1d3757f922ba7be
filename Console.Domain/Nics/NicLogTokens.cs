using System.Globalization;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Nics;

/// <summary>
/// How an operation-log entry's detail says where each NIC it names went, one token a NIC:
/// <c>{nic}={ip}</c> for a new NIC, <c>{nic}={server}/eth{n}</c> for an attach or a detach, and
/// <c>{nic}={server}/eth{n}/{ip}</c> for a NIC made with its server.
/// </summary>
public static class NicLogTokens
{
    public static string Placements(IEnumerable<Nic> nics, bool withAddress = false) =>
        string.Join(' ', nics.Select(n => $"{n.Id}={n.InstanceId}/eth{n.Sequence}" + (withAddress ? $"/{n.PrivateIp}" : "")));

    /// <summary>What <paramref name="detail"/> says of <paramref name="nicId"/>, or nothing.</summary>
    public static NicPlacement? Of(string detail, string nicId)
    {
        var prefix = nicId + "=";
        var token = detail.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => t.StartsWith(prefix, StringComparison.Ordinal));
        if (token is null)
        {
            return null;
        }
        var parts = token[prefix.Length..].Split('/');
        if (parts.Length == 1)
        {
            return new NicPlacement(null, null, IpAddress.TryParse(parts[0], out var ip) ? ip : null);
        }
        int? sequence = parts[1].StartsWith("eth", StringComparison.Ordinal)
            && int.TryParse(parts[1].AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        IpAddress? address = parts.Length > 2 && IpAddress.TryParse(parts[2], out var a) ? a : null;
        return new NicPlacement(parts[0].Length == 0 ? null : parts[0], sequence, address);
    }
}
