using System.Security.Cryptography;
using System.Text;

namespace NicConsole.Web.Api;

/// <summary>
/// QingCloud's signature_version 1: every parameter but <c>signature</c>, sorted ordinally by name, RFC 3986
/// encoded, joined with <c>&amp;</c>, after the method and the path as received; then Base64(HMAC).
/// </summary>
public static class SignatureVerifier
{
    public const string Sha256 = "HmacSHA256";
    public const string Sha1 = "HmacSHA1";

    public static bool IsSupported(string? method) => method is Sha256 or Sha1;

    public static string StringToSign(string httpMethod, string path, IEnumerable<RawParameter> parameters)
    {
        var pairs = parameters
            .Where(p => p.Name != "signature")
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.HasEquals ? $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}" : Uri.EscapeDataString(p.Name));
        return $"{httpMethod}\n{path}\n{string.Join('&', pairs)}";
    }

    public static string Sign(string secret, string signatureMethod, string stringToSign)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes(stringToSign);
        var mac = signatureMethod == Sha1 ? HMACSHA1.HashData(key, data) : HMACSHA256.HashData(key, data);
        return Convert.ToBase64String(mac);
    }

    /// <summary>Compares in constant time; a <c>+</c> that a query string turned into a space counts as <c>+</c>.</summary>
    public static bool Matches(string expected, string received) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received.Replace(' ', '+')));
}
