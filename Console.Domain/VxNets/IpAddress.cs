using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace NicConsole.Domain.VxNets;

/// <summary>An IPv4 address, kept as its 32-bit number so that it sorts and counts naturally.</summary>
public readonly record struct IpAddress(uint Value) : IComparable<IpAddress>
{
    public static bool TryParse([NotNullWhen(true)] string? text, out IpAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(text) || !IPAddress.TryParse(text, out var parsed)
            || parsed.AddressFamily != AddressFamily.InterNetwork || parsed.ToString() != text)
        {
            return false;
        }
        address = From(parsed);
        return true;
    }

    public static IpAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IPv4 address.");

    public static IpAddress From(IPAddress address) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()));

    public IPAddress ToIPAddress()
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Value);
        return new IPAddress(bytes);
    }

    public int LastOctet => (int)(Value & 0xFF);

    public int CompareTo(IpAddress other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Value >> 24}.{(Value >> 16) & 0xFF}.{(Value >> 8) & 0xFF}.{Value & 0xFF}";
}
