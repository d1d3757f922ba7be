using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace NicConsole.Web.Api;

/// <summary>
/// A change sent again with the same <c>req_id</c> (from the same access key, with the same parameters) gets the first
/// answer again, the same job id, and changes nothing: a client's retry after a lost answer is safe. A change without
/// <c>req_id</c> is carried out every time it is validly signed (the Go SDK sends none, and its one-second
/// <c>time_stamp</c> gives two identical changes in one second the same signature). Reads are not remembered. The
/// answers live in <see cref="IDistributedCache"/>, for as long as the call's signature holds: Redis when the nodes
/// share a backplane, so a retry to another node gets the first node's answer; in memory otherwise.
/// </summary>
public sealed class RequestIdempotency(IDistributedCache cache)
{
    /// <summary>The parameters that differ between two sendings of one request: the signature and its time.</summary>
    private static readonly HashSet<string> Unsigned = new(StringComparer.Ordinal) { "signature", "time_stamp", "expires", "req_id" };

    // Check-then-set is atomic on this node; across nodes two copies sent in the same instant could both start.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public static bool Applies(string action) => !action.StartsWith("Describe", StringComparison.Ordinal);

    public enum Outcome
    {
        /// <summary>The first sending: carry it out, then <see cref="CompleteAsync"/>.</summary>
        Started,

        /// <summary>Sent before and answered: the answer is given again.</summary>
        Answered,

        /// <summary>Sent before and still being carried out.</summary>
        InProgress,

        /// <summary>The req_id came before with other parameters.</summary>
        Reused,
    }

    /// <summary>Whether this sending of <paramref name="requestId"/> is the first, and if not, what to answer.</summary>
    public async Task<(Outcome Outcome, Dictionary<string, object?>? Answer)> BeginAsync(
        string keyId, string requestId, IaasParameters parameters, TimeSpan window, CancellationToken cancellationToken)
    {
        var key = Key(keyId, requestId);
        var fingerprint = Fingerprint(parameters);
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            if (await cache.GetAsync(key, cancellationToken) is { } stored)
            {
                var entry = JsonSerializer.Deserialize<Entry>(stored)!;
                return entry.Fingerprint != fingerprint ? (Outcome.Reused, null)
                    : entry.Answer is null ? (Outcome.InProgress, null)
                    : (Outcome.Answered, JsonSerializer.Deserialize<Dictionary<string, object?>>(entry.Answer));
            }
            await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(new Entry(fingerprint, null)), Expiring(window), cancellationToken);
            return (Outcome.Started, null);
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>Keeps the answer of a first sending for the rest of its window.</summary>
    public Task CompleteAsync(string keyId, string requestId, IaasParameters parameters, Dictionary<string, object?> answer, TimeSpan window) =>
        cache.SetAsync(Key(keyId, requestId), JsonSerializer.SerializeToUtf8Bytes(new Entry(Fingerprint(parameters), JsonSerializer.Serialize(answer))), Expiring(window));

    /// <summary>Forgets a first sending that changed nothing and may be retried as new (answered 5000 or 5100).</summary>
    public Task ForgetAsync(string keyId, string requestId) => cache.RemoveAsync(Key(keyId, requestId));

    private static DistributedCacheEntryOptions Expiring(TimeSpan window) => new() { AbsoluteExpirationRelativeToNow = window };

    private static string Key(string keyId, string requestId) => $"nicconsole:req:{keyId}:{requestId}";

    /// <summary>The request's own parameters, in a stable order, hashed: what "the same request" means.</summary>
    private static string Fingerprint(IaasParameters parameters)
    {
        var text = string.Join('\n', parameters.Raw.Where(p => !Unsigned.Contains(p.Name)).Select(p => $"{p.Name}={p.Value}").Order(StringComparer.Ordinal));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private sealed record Entry(string Fingerprint, string? Answer);
}
