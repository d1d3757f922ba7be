using Microsoft.Extensions.Caching.Distributed;

namespace NicConsole.Web.Api;

/// <summary>
/// Remembers the signature of every signed change request until the request would be refused as expired anyway,
/// so a captured change cannot be sent again. Reads are not remembered: the Go SDK sends no req_id, so two
/// identical reads in one second share a signature, and replaying a read yields nothing the caller could not
/// read already. The store is <see cref="IDistributedCache"/>: Redis when the nodes share a backplane, so a
/// replay to another node is refused too; in memory otherwise.
/// </summary>
public sealed class ReplayGuard(IDistributedCache cache)
{
    private static readonly byte[] Seen = [1];

    // Check-then-set is atomic on this node; across nodes two copies sent in the same instant could both pass.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public static bool Applies(string action) => !action.StartsWith("Describe", StringComparison.Ordinal);

    /// <summary>True the first time a signature is seen within its window; false for a replay.</summary>
    public async Task<bool> TryRecordAsync(string keyId, string signature, TimeSpan window, CancellationToken cancellationToken)
    {
        var key = Key(keyId, signature);
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            if (await cache.GetAsync(key, cancellationToken) is not null)
            {
                return false;
            }
            var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = window };
            await cache.SetAsync(key, Seen, options, cancellationToken);
            return true;
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>Forgets a request that changed nothing (5000, 5100), so that a client's retry of it is not a replay.</summary>
    public Task ForgetAsync(string keyId, string signature) => cache.RemoveAsync(Key(keyId, signature));

    private static string Key(string keyId, string signature) => $"nicconsole:replay:{keyId}:{signature.Replace(' ', '+')}";
}
