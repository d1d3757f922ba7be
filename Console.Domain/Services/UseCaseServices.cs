using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Services;

/// <summary>What every use case and query class is built on, in one registration, so adding a dependency touches one constructor.</summary>
public sealed class UseCaseServices(
    ChangeRunner changes,
    IDbContextFactory<ConsoleDbContext> factory,
    IOptionsMonitor<NetworkOptions> network,
    StuckJobPolicy stuckJobs,
    IDataPlane dataPlane,
    IOptionsMonitor<DataPlaneOptions> dataPlaneOptions,
    Hosts.HostDirectory hosts,
    TimeProvider time)
{
    public ChangeRunner Changes => changes;

    /// <summary>The hosts and whether each is online, as this node last read them.</summary>
    public Hosts.HostDirectory Hosts => hosts;

    public StuckJobPolicy StuckJobs => stuckJobs;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A refusal when placing <paramref name="adding"/> more NICs would take a real data plane past
    /// <c>DataPlane:MaxNics</c> (each costs kernel memory and neighbour entries); a simulation has no such limit.
    /// </summary>
    public async Task<DomainError?> DataPlaneRefusalAsync(ConsoleDbContext db, int adding, CancellationToken cancellationToken)
    {
        if (!dataPlane.IsReal)
        {
            return null;
        }
        var max = dataPlaneOptions.CurrentValue.MaxNics;
        var placed = await db.Nics.IgnoreQueryFilters().CountAsync(n => n.InstanceId != null, cancellationToken);
        return placed + adding > max ? DomainErrors.DataPlaneFull(max, placed, adding) : null;
    }

    public DomainError? ZoneRefusal(OperationContext context) =>
        network.CurrentValue.EffectiveZones.Contains(context.Zone) ? null : DomainErrors.UnknownZone(context.Zone);

    /// <summary>
    /// A context for a read on behalf of <paramref name="context"/>: it sees only what the caller may see, and its
    /// connection is open for all the read's queries (a list's count and page, the dashboard's), not opened for each.
    /// </summary>
    public async Task<ConsoleDbContext> OpenAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(context, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
    }
}
