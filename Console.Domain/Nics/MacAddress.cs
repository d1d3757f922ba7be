using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.NetworkInformation;
using System.Security.Cryptography;

namespace NicConsole.Domain.Nics;

/// <summary>A NIC's MAC address, which is also its id: <c>52:54:</c> and four random bytes, lower-case.</summary>
public readonly record struct MacAddress
{
    private MacAddress(string value) => Value = value;

    public string Value { get; }

    public static MacAddress NewRandom()
    {
        var b = RandomNumberGenerator.GetBytes(4);
        return new MacAddress($"52:54:{b[0]:x2}:{b[1]:x2}:{b[2]:x2}:{b[3]:x2}");
    }

    /// <summary>NIC ids are MACs, matched case-insensitively; they are stored in lower case.</summary>
    public static string KeyOf(string id) => TryParse(id, out var mac) ? mac.Value : id;

    public static bool TryParse([NotNullWhen(true)] string? text, out MacAddress mac)
    {
        mac = default;
        if (text is not { Length: 17 } || text[2] != ':' || !PhysicalAddress.TryParse(text, out var physical))
        {
            return false;
        }
        var bytes = physical.GetAddressBytes();
        mac = new MacAddress(string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))));
        return true;
    }

    public static MacAddress Parse(string text) =>
        TryParse(text, out var mac) ? mac : throw new FormatException($"'{text}' is not a MAC address.");

    public override string ToString() => Value ?? "";
}
