using System.Security.Cryptography;
using System.Text;

namespace NicConsole.Web.Users;

/// <summary>
/// The one-time token that lets whoever started the console create the first administrator on <c>/setup</c>: random,
/// in memory only, new at each start, and spent once the administrator exists.
/// </summary>
public sealed class SetupToken
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Value { get; } = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate.Trim()), Encoding.UTF8.GetBytes(Value));

    /// <summary>Runs the first administrator's creation one at a time, so two racing setups cannot both pass "no user yet".</summary>
    public async Task<T> OneAtATimeAsync<T>(Func<Task<T>> work)
    {
        await _gate.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }
}
