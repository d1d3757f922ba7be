using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Hosts;

/// <summary>The rule servers share through their host: nothing is changed on a server whose host is offline (its agent could not make it real).</summary>
public static class HostRules
{
    /// <summary>"host h2 is offline" for the first of <paramref name="hostIds"/> that is, or null.</summary>
    public static async Task<DomainError?> OfflineRefusalAsync(ConsoleDbContext db, IEnumerable<string> hostIds, CancellationToken cancellationToken)
    {
        var names = hostIds.Distinct().ToList();
        var offline = await db.Hosts.AsNoTracking().WhereIn(h => h.Name, names).Where(h => !h.Online).OrderBy(h => h.Name).Select(h => h.Name).FirstOrDefaultAsync(cancellationToken);
        return offline is null ? null : DomainErrors.HostOffline(offline);
    }
}
