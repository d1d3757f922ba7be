using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Changes;
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

    /// <summary>Statuses a count leaves out: what is gone but still listed for a while.</summary>
    private static readonly VpcStatus[] GoneVpcs = [VpcStatus.Deleted, VpcStatus.Ceased];
    private static readonly InstanceStatus[] GoneServers = [InstanceStatus.Terminated];
    private static readonly IReadOnlySet<string> GoneVpcStates = GoneVpcs.Select(s => s.ApiName()).ToHashSet();
    private static readonly IReadOnlySet<string> GoneServerStates = GoneServers.Select(s => s.ApiName()).ToHashSet();

    /// <summary>The operation log's actions the NIC activity chart counts.</summary>
    private static readonly string[] ActivityActions = ["CreateNics", nameof(JobAction.AttachNics), nameof(JobAction.DetachNics)];

    public async Task<Result<DashboardView>> GetAsync(OperationContext context, CancellationToken cancellationToken = default)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
        await using var db = await OpenAsync(context, cancellationToken);
        var zone = context.Zone;
        var now = Now;
        // The counts and the last commit they include, from one moment; the rest is absolute and read again whole.
        await using var read = await db.BeginConsistentReadAsync(cancellationToken);
        var commit = await db.OperationLog.MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0;
        var (fullestVxNets, fullestServers) = await FullestAsync(db, zone, cancellationToken);
        var view = new DashboardView
        {
            Time = now,
            Commit = commit,
            Nics = await NicCountsAsync(db, zone, cancellationToken),
            VxNets = await VxNetCountsAsync(db, zone, cancellationToken),
            Vpcs = await VpcCountsAsync(db, zone, cancellationToken),
            Servers = await ServerCountsAsync(db, zone, cancellationToken),
            FullestVxNets = fullestVxNets,
            FullestServers = fullestServers,
            Jobs = new JobCounts(0, 0, 0),
            FailedJobs = [],
            StuckJobs = [],
            StuckJobCount = 0,
            StuckAfter = Services.StuckJobs.Limit,
            NextStuckAt = null,
            LatestOperations = await LatestOperationsAsync(db, zone, cancellationToken),
            NicActivity = await NicActivityAsync(db, zone, now, cancellationToken),
        };
        return await WithJobsAsync(db, view, zone, cancellationToken);
    }

    /// <summary>
    /// The dashboard after <paramref name="changes"/>, from <paramref name="view"/> as it was read: the counts move by
    /// what each commit touched, and the current hour's NIC activity by the changes themselves; reread are only what a
    /// count cannot carry: the latest operations (one indexed read), the fullest VxNets and servers when a NIC came, went
    /// or moved or a listed one changed, and the jobs when a job changed. Changes of another zone, or of a tenant the
    /// caller does not see, read nothing; a change that does not say what it touched, or a new hour, reads it all.
    /// </summary>
    public async Task<Result<DashboardView>> RefreshAsync(OperationContext context, DashboardView view, IReadOnlyList<ResourceChange> changes,
        CancellationToken cancellationToken = default)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
        var zone = context.Zone;
        var now = Now;
        // What the caller's dashboard counts: this zone, and only the caller's tenant unless it sees every tenant.
        var here = changes.Where(c => c.Zone == zone && (context.SeesEveryTenant || c.Tenant == context.Tenant || string.IsNullOrEmpty(c.Tenant))).ToList();
        if (here.Count == 0)
        {
            return view;
        }
        if (here.Any(c => c.Touched is null || c.Commit == 0) || HourOf(now) != view.NicActivity[^1].Hour)
        {
            return await GetAsync(context, cancellationToken);
        }
        // Only what the counts do not include yet; the changes of one commit share what it touched: count it once.
        var unseen = here.Where(c => c.Commit > view.Commit).ToList();
        var commits = unseen.GroupBy(c => c.Commit).Select(commit => commit.First()).ToList();
        var touched = commits.SelectMany(c => c.Touched!).ToList();
        IEnumerable<Touched> Of(string kind) => touched.Where(t => t.Kind == kind);
        await using var db = await OpenAsync(context, cancellationToken);
        var refreshed = view with
        {
            Time = now,
            Commit = Math.Max(view.Commit, commits.Count == 0 ? 0 : commits.Max(c => c.Commit)),
            Nics = view.Nics.After(Of(ResourceKinds.Nic), LiveScope.Empty),
            VxNets = view.VxNets.After(Of(ResourceKinds.VxNet), LiveScope.Empty),
            Vpcs = view.Vpcs.After(Of(ResourceKinds.Vpc), GoneVpcStates),
            Servers = view.Servers.After(Of(ResourceKinds.Instance), GoneServerStates),
            LatestOperations = await LatestOperationsAsync(db, zone, cancellationToken),
            NicActivity = ActivityAfter(view.NicActivity, unseen),
        };
        var listed = view.FullestVxNets.Concat(view.FullestServers).Select(u => u.Id).ToHashSet();
        if (Of(ResourceKinds.Nic).Any(t => t.Recounts) || touched.Any(t => listed.Contains(t.Id)))
        {
            var (fullestVxNets, fullestServers) = await FullestAsync(db, zone, cancellationToken);
            refreshed = refreshed with { FullestVxNets = fullestVxNets, FullestServers = fullestServers };
        }
        return Of(ResourceKinds.Job).Any() ? await WithJobsAsync(db, refreshed, zone, cancellationToken) : refreshed;
    }

    /// <summary>The jobs running, failed within the window and stuck, read again into <paramref name="view"/>.</summary>
    private async Task<DashboardView> WithJobsAsync(ConsoleDbContext db, DashboardView view, string zone, CancellationToken cancellationToken)
    {
        var now = view.Time;
        var since = now - DashboardView.Window;
        var limit = Services.StuckJobs.Limit;
        var stuckBefore = now - limit;
        var running = db.Jobs.AsNoTracking().Where(j => j.Zone == zone && (j.Status == JobStatus.Pending || j.Status == JobStatus.Working));
        var stuck = running.Where(j => j.StatusTime <= stuckBefore);
        var failed = db.Jobs.AsNoTracking().Where(j => j.Zone == zone && j.Status == JobStatus.Failed && j.StatusTime >= since);
        var runningCounts = await running.GroupBy(j => j.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var nextStuck = await running.Where(j => j.StatusTime > stuckBefore).MinAsync(j => (DateTime?)j.StatusTime, cancellationToken);
        return view with
        {
            Jobs = new JobCounts(runningCounts.GetValueOrDefault(JobStatus.Pending), runningCounts.GetValueOrDefault(JobStatus.Working),
                await failed.CountAsync(cancellationToken)),
            FailedJobs = await failed.OrderByDescending(j => j.StatusTime).ThenByDescending(j => j.Id).Take(DashboardJobs).ToListAsync(cancellationToken),
            StuckJobs = (await stuck.OrderBy(j => j.StatusTime).ThenBy(j => j.Id).Take(DashboardJobs).ToListAsync(cancellationToken))
                .Select(j => new StuckJob(j, j.Age(now), j.RetryRefusal(now, limit))).ToList(),
            StuckJobCount = await stuck.CountAsync(cancellationToken),
            StuckAfter = limit,
            NextStuckAt = nextStuck + limit,
        };
    }

    private static Task<List<OperationLogEntry>> LatestOperationsAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken) =>
        db.OperationLog.AsNoTracking().Where(o => o.Zone == zone)
            .OrderByDescending(o => o.Time).ThenByDescending(o => o.Id).Take(DashboardRows).ToListAsync(cancellationToken);

    private static async Task<ResourceCounts> NicCountsAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken)
    {
        var rows = await db.Nics.Where(n => n.Zone == zone).GroupBy(n => new { n.Status, n.Transition })
            .Select(g => new { g.Key.Status, g.Key.Transition, Count = g.Count() }).ToListAsync(cancellationToken);
        return Counts(rows.Select(r => (r.Status.ApiName(), r.Transition, r.Count)), [NicStatus.Available, NicStatus.InUse]);
    }

    private static async Task<ResourceCounts> VpcCountsAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken)
    {
        var rows = await db.Vpcs.Where(v => v.Zone == zone && !GoneVpcs.Contains(v.Status))
            .GroupBy(v => new { v.Status, v.Transition })
            .Select(g => new { g.Key.Status, g.Key.Transition, Count = g.Count() }).ToListAsync(cancellationToken);
        return Counts(rows.Select(r => (r.Status.ApiName(), r.Transition, r.Count)), [VpcStatus.Pending, VpcStatus.Active]);
    }

    private static async Task<ResourceCounts> ServerCountsAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken)
    {
        var rows = await db.Instances.Where(i => i.Zone == zone && !GoneServers.Contains(i.Status))
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
        return Counts(rows.Select(r => (VxNetStates.Of(r.Type, r.InVpc ? "" : null), r.Transition, r.Count)),
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

    private static async Task<(IReadOnlyList<Usage> VxNets, IReadOnlyList<Usage> Servers)> FullestAsync(ConsoleDbContext db, string zone, CancellationToken cancellationToken) =>
        (await FullestVxNetsAsync(db, zone, cancellationToken), await FullestServersAsync(db, zone, cancellationToken));

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
            where i.Zone == zone && !GoneServers.Contains(i.Status)
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
        var hours = (int)DashboardView.Window.TotalHours;
        var first = HourOf(now).AddHours(1 - hours);
        var rows = await db.OperationLog.WhereIn(o => o.Action, ActivityActions)
            .Where(o => o.Zone == zone && o.Time >= first && o.Result == OperationResult.Succeeded)
            .GroupBy(o => new { o.Action, o.Time.Date, o.Time.Hour })
            .Select(g => new { g.Key.Action, g.Key.Date, g.Key.Hour, Nics = g.Sum(o => (o.ResourceIds.Length - o.ResourceIds.Replace(":", "").Length) / 5) })
            .ToListAsync(cancellationToken);
        var byHour = rows.ToLookup(r => DateTime.SpecifyKind(r.Date.AddHours(r.Hour), DateTimeKind.Utc));
        return Enumerable.Range(0, hours).Select(h =>
        {
            var hour = first.AddHours(h);
            int Sum(string action) => byHour[hour].Where(r => r.Action == action).Sum(r => r.Nics);
            return new NicActivity(hour, Sum(ActivityActions[0]), Sum(ActivityActions[1]), Sum(ActivityActions[2]));
        }).ToList();
    }

    /// <summary>The NIC activity with <paramref name="changes"/> counted in their hours (each NIC id holds colons: a MAC).</summary>
    private static IReadOnlyList<NicActivity> ActivityAfter(IReadOnlyList<NicActivity> activity, IReadOnlyList<ResourceChange> changes)
    {
        var counted = changes.Where(c => c.Result == OperationResult.Succeeded && ActivityActions.Contains(c.Action) && c.At is not null).ToList();
        if (counted.Count == 0)
        {
            return activity;
        }
        return activity.Select(hour =>
        {
            int Sum(string action) => counted.Where(c => c.Action == action && HourOf(c.At!.Value) == hour.Hour).Sum(c => c.ResourceIds.Count(id => id.Contains(':')));
            return hour with
            {
                Created = hour.Created + Sum(ActivityActions[0]),
                Attached = hour.Attached + Sum(ActivityActions[1]),
                Detached = hour.Detached + Sum(ActivityActions[2]),
            };
        }).ToList();
    }

    private static DateTime HourOf(DateTime time) => new(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc);
}
