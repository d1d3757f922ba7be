using System.Security.Cryptography;
using System.Text;

namespace NicConsole.Web.Users;

/// <summary>
/// The one-time token that lets whoever started the console create the first administrator on <c>/setup</c>: random,
/// in memory only, new at each start, and spent once the administrator exists.
/// </summary>
public sealed class SetupToken
{
    public string Value { get; } = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate.Trim()), Encoding.UTF8.GetBytes(Value));
}
