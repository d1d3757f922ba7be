using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace NicConsole.Domain.VxNets;

/// <summary>An IPv4 network in canonical CIDR form (<c>172.16.1.0/24</c>): host bits zero.</summary>
public readonly record struct Cidr(IPNetwork Network)
{
    public static bool TryParse([NotNullWhen(true)] string? text, out Cidr cidr)
    {
        cidr = default;
        if (string.IsNullOrEmpty(text) || !IPNetwork.TryParse(text, out var network)
            || network.BaseAddress.AddressFamily != AddressFamily.InterNetwork || network.ToString() != text)
        {
            return false;
        }
        cidr = new Cidr(network);
        return true;
    }

    public static Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"'{text}' is not an IPv4 CIDR.");

    public int PrefixLength => Network.PrefixLength;

    public IpAddress First => IpAddress.From(Network.BaseAddress);

    public IpAddress Last => new(First.Value | (uint)((1UL << (32 - PrefixLength)) - 1));

    public IpAddress Broadcast => Last;

    public IpAddress Host(int offset) => new(First.Value + (uint)offset);

    public int OffsetOf(IpAddress address) => (int)(address.Value - First.Value);

    public IpAddress Mask => new(PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength));

    public bool Contains(IpAddress address) => Network.Contains(address.ToIPAddress());

    public bool Contains(Cidr other) => other.PrefixLength >= PrefixLength && Contains(other.First);

    public bool Overlaps(Cidr other) => Contains(other.First) || other.Contains(First);

    public override string ToString() => Network.ToString();
}
