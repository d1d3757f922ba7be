using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Services;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Dashboard;

/// <summary>The zone at a glance: counts by status, the fullest VxNets and servers, jobs, latest changes, NIC activity per hour.</summary>
public sealed class DashboardQueries(UseCaseServices services) : Reads(services)
{
    public const int DashboardBars = 8;
    public const int DashboardRows = 10;
    public const int DashboardJobs = 5;

    public async Task<Result<DashboardView>> GetAsync(OperationContext context, CancellationToken cancellationToken = default)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
        await using var db = await OpenAsync(context, cancellationToken);
        var zone = context.Zone;
        var now = Now;
        var since = now - DashboardView.Window;
        var limit = Services.StuckJobs.Limit;
        var stuckBefore = now - limit;
        var running = db.Jobs.AsNoTracking().Where(j => j.Zone == zone && (j.Status == JobStatus.Pending || j.Status == JobStatus.Working));
        var stuck = running.Where(j => j.StatusTime <= stuckBefore);
        var failed = db.Jobs.AsNoTracking().Where(j => j.Zone == zone && j.Status == JobStatus.Failed && j.StatusTime >= since);
        var runningCounts = await running.GroupBy(j => j.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var nextStuck = await running.Where(j => j.StatusTime > stuckBefore).MinAsync(j => (DateTime?)j.StatusTime, cancellationToken);
        return new DashboardView
        {
            Time = now,
            Nics = await NicCountsAsync(db, zone, cancellationToken),
            VxNets = await VxNetCountsAsync(db, zone, cancellationToken),
            Vpcs = await VpcCountsAsync(db, zone, cancellationToken),
            Servers = await ServerCountsAsync(db, zone, cancellationToken),
            FullestVxNets = await FullestVxNetsAsync(db, zone, cancellationToken),
            FullestServers = await FullestServersAsync(db, zone, cancellationToken),
            Jobs = new JobCounts(runningCounts.GetValueOrDefault(JobStatus.Pending), runningCounts.GetValueOrDefault(JobStatus.Working),
                await failed.CountAsync(cancellationToken)),
            FailedJobs = await failed.OrderByDescending(j => j.StatusTime).ThenByDescending(j => j.Id).Take(DashboardJobs).ToListAsync(cancellationToken),
            StuckJobs = (await stuck.OrderBy(j => j.StatusTime).ThenBy(j => j.Id).Take(DashboardJobs).ToListAsync(cancellationToken))
                .Select(j => new StuckJob(j, j.Age(now), j.RetryRefusal(now, limit))).ToList(),
            StuckJobCount = await stuck.CountAsync(cancellationToken),
            StuckAfter = limit,
            NextStuckAt = nextStuck + limit,
            LatestOperations = await db.OperationLog.AsNoTracking().Where(o => o.Zone == zone)
                .OrderByDescending(o => o.Time).ThenByDescending(o => o.Id).Take(DashboardRows).ToListAsync(cancellationToken),
            NicActivity = await NicActivityAsync(db, zone, now, cancellationToken),
        };
    }

    private static async Task<ResourceCounts> NicCountsAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken)
    {
        var rows = await db.Nics.Where(n => n.Zone == zone).GroupBy(n => new { n.Status, n.Transition })
            .Select(g => new { g.Key.Status, g.Key.Transition, Count = g.Count() }).ToListAsync(cancellationToken);
        return Counts(rows.Select(r => (r.Status.ApiName(), r.Transition, r.Count)), [NicStatus.Available, NicStatus.InUse]);
    }

    private static async Task<ResourceCounts> VpcCountsAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken)
    {
        var rows = await db.Vpcs.Where(v => v.Zone == zone && v.Status != VpcStatus.Deleted && v.Status != VpcStatus.Ceased)
            .GroupBy(v => new { v.Status, v.Transition })
            .Select(g => new { g.Key.Status, g.Key.Transition, Count = g.Count() }).ToListAsync(cancellationToken);
        return Counts(rows.Select(r => (r.Status.ApiName(), r.Transition, r.Count)), [VpcStatus.Pending, VpcStatus.Active]);
    }

    private static async Task<ResourceCounts> ServerCountsAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken)
    {
        var rows = await db.Instances.Where(i => i.Zone == zone && i.Status != InstanceStatus.Terminated)
            .GroupBy(i => new { i.Status, i.Transition })
            .Select(g => new { g.Key.Status, g.Key.Transition, Count = g.Count() }).ToListAsync(cancellationToken);
        return Counts(rows.Select(r => (r.Status.ApiName(), r.Transition, r.Count)), [InstanceStatus.Pending, InstanceStatus.Running, InstanceStatus.Stopped]);
    }

    /// <summary>VxNets have no status of their own: they are in a VPC, not (yet) in one, or the basic network.</summary>
    private static async Task<ResourceCounts> VxNetCountsAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken)
    {
        var rows = await db.VxNets.Where(x => x.Zone == zone)
            .GroupBy(x => new { x.Type, InVpc = x.VpcId != null, x.Transition })
            .Select(g => new { g.Key.Type, g.Key.InVpc, g.Key.Transition, Count = g.Count() }).ToListAsync(cancellationToken);
        return Counts(rows.Select(r => (r.Type == VxNetType.Basic ? VxNetStates.Basic : r.InVpc ? VxNetStates.InVpc : VxNetStates.NotInVpc, r.Transition, r.Count)),
            [VxNetStates.InVpc, VxNetStates.NotInVpc, VxNetStates.Basic]);
    }

    private static ResourceCounts Counts<TStatus>(IEnumerable<(string Status, Transition Transition, int Count)> rows, IReadOnlyList<TStatus> statuses)
        where TStatus : struct, Enum =>
        Counts(rows, statuses.Select(s => s.ApiName()).ToList());

    private static ResourceCounts Counts(IEnumerable<(string Status, Transition Transition, int Count)> rows, IReadOnlyList<string> statuses)
    {
        var list = rows.ToList();
        return new ResourceCounts(
            list.Sum(r => r.Count),
            statuses.Select(s => new StatusCount(s, list.Where(r => r.Status == s).Sum(r => r.Count))).ToList(),
            list.Where(r => r.Transition != Transition.None).Sum(r => r.Count));
    }

    // The fullest are found by counting every NIC once on the (VxNetId, …) and (InstanceId, …) indexes, then
    // joining the few largest groups' names: a NIC is always in its VxNet's and its server's zone.
    private static async Task<IReadOnlyList<Usage>> FullestVxNetsAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken)
    {
        var rows = await (
            from used in db.Nics.GroupBy(n => n.VxNetId).Select(g => new { Id = g.Key, Count = g.Count() })
            join x in db.VxNets on used.Id equals x.Id
            where x.Zone == zone
            orderby used.Count descending, x.Id
            select new { x.Id, x.Name, x.Subnet, Used = used.Count }).Take(DashboardBars).ToListAsync(cancellationToken);
        return rows.Select(r => new Usage(r.Id, r.Name, r.Subnet?.ToString(), r.Used, Limits.NicsPerVxNet)).ToList();
    }

    private static async Task<IReadOnlyList<Usage>> FullestServersAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken)
    {
        var rows = await (
            from used in db.Nics.Where(n => n.InstanceId != null).GroupBy(n => n.InstanceId).Select(g => new { Id = g.Key, Count = g.Count() })
            join i in db.Instances on used.Id equals i.Id
            where i.Zone == zone && i.Status != InstanceStatus.Terminated
            orderby used.Count descending, i.Id
            select new { i.Id, i.Name, Used = used.Count }).Take(DashboardBars).ToListAsync(cancellationToken);
        return rows.Select(r => new Usage(r.Id, r.Name, null, r.Used, Limits.NicsPerServer)).ToList();
    }

    /// <summary>
    /// NICs created, attached and detached per hour, from the operation log's successful entries: a NIC id is the
    /// only id with colons (a MAC has five), so an entry's NICs are counted in SQL from its resource ids.
    /// </summary>
    private static async Task<IReadOnlyList<NicActivity>> NicActivityAsync(ConsoleDbContext db, string zone, DateTime now, CancellationToken cancellationToken)
    {
        var current = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var hours = (int)DashboardView.Window.TotalHours;
        var first = current.AddHours(1 - hours);
        string[] actions = ["CreateNics", nameof(JobAction.AttachNics), nameof(JobAction.DetachNics)];
        var rows = await db.OperationLog
            .Where(o => o.Zone == zone && o.Time >= first && o.Result == OperationResult.Succeeded && actions.Contains(o.Action))
            .GroupBy(o => new { o.Action, o.Time.Date, o.Time.Hour })
            .Select(g => new { g.Key.Action, g.Key.Date, g.Key.Hour, Nics = g.Sum(o => (o.ResourceIds.Length - o.ResourceIds.Replace(":", "").Length) / 5) })
            .ToListAsync(cancellationToken);
        var byHour = rows.ToLookup(r => DateTime.SpecifyKind(r.Date.AddHours(r.Hour), DateTimeKind.Utc));
        return Enumerable.Range(0, hours).Select(h =>
        {
            var hour = first.AddHours(h);
            int Sum(string action) => byHour[hour].Where(r => r.Action == action).Sum(r => r.Nics);
            return new NicActivity(hour, Sum(actions[0]), Sum(actions[1]), Sum(actions[2]));
        }).ToList();
    }
}
