using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NicConsole.Tests.Support;

/// <summary>
/// Signs an API call the way the official clients do, with its own encoder (not the server's), so a signature bug on
/// either side shows. The tests' <see cref="IaasClient"/> and NicBench (which links this file) share it.
/// </summary>
public static class ClientSigning
{
    public static string Time(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Sign(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>
    /// The parameters sorted by name and percent-encoded, then <c>&amp;signature=</c> with the HMAC-SHA256 of
    /// "METHOD\npath\nquery" (or <paramref name="signature"/> as given): a GET's query string, a POST's body.
    /// </summary>
    public static string SignedQuery(string secret, string method, string path, IEnumerable<(string Name, string Value)> parameters, string? signature = null)
    {
        var query = string.Join('&', parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => Encode(p.Name) + "=" + Encode(p.Value)));
        return query + "&signature=" + Uri.EscapeDataString(signature ?? Sign(secret, $"{method}\n{path}\n{query}"));
    }

    /// <summary>RFC 3986: unreserved characters stay, everything else is %XX of its UTF-8 bytes in upper-case hex.</summary>
    public static string Encode(string text)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                result.Append(c);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return result.ToString();
    }
}
