using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.Nics;

internal static class NicLoading
{
    /// <summary>
    /// The NICs of a multi-NIC request, all or none: refused on the first NIC (in request order) that is
    /// unknown, in another zone, or in a state that <paramref name="refusal"/> rejects.
    /// </summary>
    public static async Task<Result<List<Nic>>> LoadNicsAsync(
        ConsoleDbContext db, OperationContext context, IReadOnlyList<string> keys, Func<Nic, DomainError?> refusal, CancellationToken cancellationToken)
    {
        var nics = await LoadAsync(db.Nics, keys, DomainErrors.NicNotFound, context, cancellationToken);
        if (!nics.Succeeded)
        {
            return nics;
        }
        return nics.Value.Select(refusal).FirstOrDefault(e => e is not null) is { } denied ? denied : nics;
    }
}
