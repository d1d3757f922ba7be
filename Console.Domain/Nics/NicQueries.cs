using NicConsole.Domain.DataPlane;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using static NicConsole.Domain.Services.Resources;

namespace NicConsole.Domain.Nics;

/// <remarks>Not sealed: a test holds one list read back to race it against a newer one.</remarks>
public class NicQueries(UseCaseServices services) : Reads(services), IListQueries<NicQuery, NicView>
{
    private static readonly Sorting<NicView> NicSorting = new Sorting<NicView>(n => n.Id, n => n.CreateTime)
        .By("id", n => n.Id).By("name", n => n.Name).By("status", n => n.Status).By("private_ip", n => n.PrivateIp)
        .By("vxnet", n => n.VxNetName).By("instance", n => n.InstanceName).By("sequence", n => n.Sequence)
        .By("create_time", n => n.CreateTime);

    public virtual Task<Result<Page<NicView>>> QueryAsync(OperationContext context, NicQuery query, CancellationToken cancellationToken = default) =>
        PageAsync(context, query.Page, NicSorting, db => NicsOf(db, context, query), cancellationToken);

    /// <summary>Every row a list query selects, in its order, without its offset and limit; read as enumerated.</summary>
    public Result<IAsyncEnumerable<NicView>> Export(OperationContext context, NicQuery query) =>
        Export(context, query.Page, NicSorting, db => NicsOf(db, context, query).Views);

    /// <summary>The nics <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<NicView> Views, IQueryable<object> Matches) NicsOf(ConsoleDbContext db, OperationContext context, NicQuery query)
    {
        var nics = db.Nics.Where(n => n.Zone == context.Zone);
        if (query.Ids.Count > 0)
        {
            var keys = query.Ids.Select(MacAddress.KeyOf).ToList();
            nics = nics.WhereIn(n => n.Id, keys);
        }
        if (query.Statuses.Count > 0)
        {
            nics = nics.WhereIn(n => n.Status, query.Statuses);
        }
        if (query.VxNetIds.Count > 0)
        {
            nics = nics.WhereIn(n => n.VxNetId, query.VxNetIds);
        }
        if (query.InstanceIds.Count > 0)
        {
            nics = nics.WhereIn(n => n.InstanceId!, query.InstanceIds);
        }
        if (query.VxNetTypes.Count > 0)
        {
            var types = db.VxNets.WhereIn(x => x.Type, query.VxNetTypes);
            nics = nics.Where(n => types.Any(x => x.Id == n.VxNetId));
        }
        if (!string.IsNullOrEmpty(query.Name))
        {
            var pattern = Text.Containing(query.Name);
            nics = nics.Where(n => EF.Functions.Like(n.Name, pattern, Text.LikeEscape));
        }
        if (!string.IsNullOrEmpty(query.SearchWord))
        {
            var pattern = Text.Containing(query.SearchWord);
            nics = nics.Where(n => EF.Functions.Like(n.Id, pattern, Text.LikeEscape) || EF.Functions.Like(n.Name, pattern, Text.LikeEscape));
        }
        var views =
            from n in nics
            join x in db.VxNets on n.VxNetId equals x.Id
            join i in db.Instances on n.InstanceId equals i.Id into attached
            from i in attached.DefaultIfEmpty()
            select new NicView
            {
                Id = n.Id, Name = n.Name, Description = n.Description, Status = n.Status, Transition = n.Transition,
                Role = n.Role, Sequence = n.Sequence, VxNetId = n.VxNetId, VxNetName = x.Name, VxNetType = x.Type,
                Subnet = x.Subnet, PrivateIp = n.PrivateIp, InstanceId = n.InstanceId, InstanceName = i == null ? null : i.Name,
                Zone = n.Zone, Owner = n.Owner, JobId = n.JobId, LastError = n.LastError, CreateTime = n.CreateTime,
                StatusTime = n.StatusTime,
            };
        return (views, nics);
    }

    /// <summary>A NIC's timeline from the operation log: created, attached (server, ethN), address changed, renamed, detached, failed jobs.</summary>
    /// <summary>The most log entries one NIC's timeline reads; beyond it the earliest are left out.</summary>
    public const int MaxTimelineEntries = 500;

    public async Task<Result<NicTimeline>> TimelineAsync(OperationContext context, string nicId, CancellationToken cancellationToken = default)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
        await using var db = await OpenAsync(context, cancellationToken);
        var nic = await LoadOneAsync(db.Nics.AsNoTracking(), MacAddress.KeyOf(nicId), DomainErrors.NicNotFound, context, cancellationToken);
        if (!nic.Succeeded)
        {
            return nic.Error!;
        }
        var (id, since) = (nic.Value.Id, nic.Value.CreateTime);
        // Driven by the resource index (a seek on the NIC's id). A MAC is unique only while its NIC lives, so
        // entries older than this NIC belong to an earlier one.
        var newest = await (
            from r in db.OperationLogResources
            where r.ResourceId == id
            join o in db.OperationLog on r.OperationId equals o.Id
            where o.Time >= since
            orderby o.Time descending, o.Id descending
            select o).AsNoTracking().Take(MaxTimelineEntries + 1).ToListAsync(cancellationToken);
        var log = newest.Take(MaxTimelineEntries).Where(o => o.Zone == context.Zone).Reverse().ToList();
        var jobIds = log.Where(o => o.JobId != null).Select(o => o.JobId!).Distinct().ToList();
        var jobs = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).Select(j => new { j.Id, j.Work }).ToListAsync(cancellationToken);
        var specs = jobs.ToDictionary(j => j.Id, j => DataPlaneJson.Read(j.Work));
        return new NicTimeline(id, NicHistory.Of(id, nic.Value.PrivateIp, log, specs), newest.Count > MaxTimelineEntries);
    }
}
