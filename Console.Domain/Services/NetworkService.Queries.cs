using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Services;

public sealed partial class NetworkService
{
    private static readonly Sorting<VpcView> VpcSorting = new Sorting<VpcView>(v => v.Id, v => v.CreateTime)
        .By("name", v => v.Name).By("network", v => v.Network).By("status", v => v.Status)
        .By("vxnets", v => v.VxNetCount).By("create_time", v => v.CreateTime);

    private static readonly Sorting<VxNetView> VxNetSorting = new Sorting<VxNetView>(v => v.Id, v => v.CreateTime)
        .By("name", v => v.Name).By("vpc", v => v.VpcName).By("subnet", v => v.Subnet)
        .By("nics", v => v.NicCount).By("create_time", v => v.CreateTime);

    private static readonly Sorting<NicView> NicSorting = new Sorting<NicView>(n => n.Id, n => n.CreateTime)
        .By("id", n => n.Id).By("name", n => n.Name).By("status", n => n.Status).By("private_ip", n => n.PrivateIp)
        .By("vxnet", n => n.VxNetName).By("instance", n => n.InstanceName).By("sequence", n => n.Sequence)
        .By("create_time", n => n.CreateTime);

    private static readonly Sorting<Instance> InstanceSorting = new Sorting<Instance>(i => i.Id, i => i.CreateTime)
        .By("name", i => i.Name).By("status", i => i.Status).By("create_time", i => i.CreateTime);

    private static readonly Sorting<Job> JobSorting = new Sorting<Job>(j => j.Id, j => j.CreateTime)
        .By("action", j => j.Action).By("status", j => j.Status).By("create_time", j => j.CreateTime)
        .By("status_time", j => j.StatusTime);

    private static readonly Sorting<OperationLogEntry> OperationSorting = new Sorting<OperationLogEntry>(o => o.Id, o => o.Time)
        .By("time", o => o.Time).By("action", o => o.Action).By("user", o => o.User).By("result", o => o.Result);

    public async Task<Result<Page<VpcView>>> QueryVpcsAsync(OperationContext context, VpcQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var (views, matches) = VpcsOf(db, context, query);
        return await PageAsync(views, query.Page, VpcSorting, cancellationToken, matches);
    }

    public Result<IAsyncEnumerable<VpcView>> ExportVpcs(OperationContext context, VpcQuery query) =>
        Export(context, query.Page, VpcSorting, db => VpcsOf(db, context, query).Views);

    /// <summary>The vpcs <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<VpcView> Views, IQueryable<object> Matches) VpcsOf(ConsoleDbContext db, OperationContext context, VpcQuery query)
    {
        var vpcs = db.Vpcs.Where(v => v.Zone == context.Zone && v.Status != VpcStatus.Deleted && v.Status != VpcStatus.Ceased);
        if (query.Ids.Count > 0)
        {
            vpcs = vpcs.Where(v => query.Ids.Contains(v.Id));
        }
        if (query.Statuses.Count > 0)
        {
            vpcs = vpcs.Where(v => query.Statuses.Contains(v.Status));
        }
        if (!string.IsNullOrEmpty(query.VxNetId))
        {
            vpcs = vpcs.Where(v => db.VxNets.Any(x => x.Id == query.VxNetId && x.VpcId == v.Id));
        }
        if (!string.IsNullOrEmpty(query.SearchWord))
        {
            var pattern = Text.Containing(query.SearchWord);
            vpcs = vpcs.Where(v => EF.Functions.Like(v.Id, pattern, Text.LikeEscape) || EF.Functions.Like(v.Name, pattern, Text.LikeEscape));
        }
        var views = vpcs.Select(v => new VpcView
        {
            Id = v.Id, Name = v.Name, Description = v.Description, Network = v.Network, RouterType = v.RouterType,
            Status = v.Status, Transition = v.Transition, VxNetCount = db.VxNets.Count(x => x.VpcId == v.Id),
            JobId = v.JobId, Zone = v.Zone, Owner = v.Owner, CreateTime = v.CreateTime, StatusTime = v.StatusTime,
        });
        return (views, vpcs);
    }

    public async Task<Result<Page<VxNetView>>> QueryVxNetsAsync(OperationContext context, VxNetQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var (views, matches) = VxNetsOf(db, context, query);
        return await PageAsync(views, query.Page, VxNetSorting, cancellationToken, matches);
    }

    public Result<IAsyncEnumerable<VxNetView>> ExportVxNets(OperationContext context, VxNetQuery query) =>
        Export(context, query.Page, VxNetSorting, db => VxNetsOf(db, context, query).Views);

    /// <summary>The vxnets <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<VxNetView> Views, IQueryable<object> Matches) VxNetsOf(ConsoleDbContext db, OperationContext context, VxNetQuery query)
    {
        var vxnets = db.VxNets.Where(x => x.Zone == context.Zone);
        if (query.Ids.Count > 0)
        {
            vxnets = vxnets.Where(x => query.Ids.Contains(x.Id));
        }
        if (query.Types.Count > 0)
        {
            vxnets = vxnets.Where(x => query.Types.Contains(x.Type));
        }
        if (query.VpcIds.Count > 0)
        {
            vxnets = vxnets.Where(x => x.VpcId != null && query.VpcIds.Contains(x.VpcId));
        }
        if (query.OnlyInVpc)
        {
            vxnets = vxnets.Where(x => x.VpcId != null);
        }
        if (query.OnlyAcceptingNics)
        {
            vxnets = vxnets.Where(x => x.VpcId != null && x.Type == VxNetType.Managed && x.Transition == Transition.None
                && db.Nics.Count(n => n.VxNetId == x.Id) < Limits.NicsPerVxNet);
        }
        if (!string.IsNullOrEmpty(query.SearchWord))
        {
            var pattern = Text.Containing(query.SearchWord);
            vxnets = vxnets.Where(x => EF.Functions.Like(x.Id, pattern, Text.LikeEscape) || EF.Functions.Like(x.Name, pattern, Text.LikeEscape));
        }
        var views =
            from x in vxnets
            join v in db.Vpcs on x.VpcId equals v.Id into joined
            from v in joined.DefaultIfEmpty()
            select new VxNetView
            {
                Id = x.Id, Name = x.Name, Description = x.Description, Type = x.Type, VpcId = x.VpcId,
                VpcName = v == null ? null : v.Name, Subnet = x.Subnet, Gateway = x.Gateway, DynIpStart = x.DynIpStart,
                DynIpEnd = x.DynIpEnd, Features = x.Features, NicCount = db.Nics.Count(n => n.VxNetId == x.Id),
                Transition = x.Transition, JobId = x.JobId, Zone = x.Zone, Owner = x.Owner, CreateTime = x.CreateTime,
                StatusTime = x.StatusTime, JoinTime = x.JoinTime,
            };
        return (views, vxnets);
    }

    public async Task<Result<Page<NicView>>> QueryNicsAsync(OperationContext context, NicQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var (views, matches) = NicsOf(db, context, query);
        return await PageAsync(views, query.Page, NicSorting, cancellationToken, matches);
    }

    public Result<IAsyncEnumerable<NicView>> ExportNics(OperationContext context, NicQuery query) =>
        Export(context, query.Page, NicSorting, db => NicsOf(db, context, query).Views);

    /// <summary>The nics <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<NicView> Views, IQueryable<object> Matches) NicsOf(ConsoleDbContext db, OperationContext context, NicQuery query)
    {
        var nics = db.Nics.Where(n => n.Zone == context.Zone);
        if (query.Ids.Count > 0)
        {
            var keys = query.Ids.Select(NicKey).ToList();
            nics = nics.Where(n => keys.Contains(n.Id));
        }
        if (query.Statuses.Count > 0)
        {
            nics = nics.Where(n => query.Statuses.Contains(n.Status));
        }
        if (query.VxNetIds.Count > 0)
        {
            nics = nics.Where(n => query.VxNetIds.Contains(n.VxNetId));
        }
        if (query.InstanceIds.Count > 0)
        {
            nics = nics.Where(n => n.InstanceId != null && query.InstanceIds.Contains(n.InstanceId));
        }
        if (query.VxNetTypes.Count > 0)
        {
            nics = nics.Where(n => db.VxNets.Any(x => x.Id == n.VxNetId && query.VxNetTypes.Contains(x.Type)));
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

    public async Task<Result<Page<InstanceView>>> QueryInstancesAsync(OperationContext context, InstanceQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var page = await PageAsync(InstancesOf(db, context, query), query.Page, InstanceSorting, cancellationToken);
        if (!page.Succeeded)
        {
            return page.Error!;
        }
        return new Page<InstanceView>(await WithNicsAsync(db, page.Value.Items, cancellationToken), page.Value.TotalCount);
    }

    public Result<IAsyncEnumerable<InstanceView>> ExportInstances(OperationContext context, InstanceQuery query)
    {
        var instances = Export(context, query.Page, InstanceSorting, db => InstancesOf(db, context, query));
        return instances.Succeeded ? Result<IAsyncEnumerable<InstanceView>>.Success(Read(instances.Value)) : instances.Error!;

        // The servers stream in batches, each with its NICs read on a second context while the first one streams.
        async IAsyncEnumerable<InstanceView> Read(IAsyncEnumerable<Instance> servers, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using var db = await OpenAsync(context, cancellationToken);
            await foreach (var batch in servers.Chunk(500).WithCancellation(cancellationToken))
            {
                foreach (var view in await WithNicsAsync(db, batch, cancellationToken))
                {
                    yield return view;
                }
            }
        }
    }

    private static IQueryable<Instance> InstancesOf(ConsoleDbContext db, OperationContext context, InstanceQuery query)
    {
        var instances = db.Instances.AsNoTracking().Where(i => i.Zone == context.Zone && i.Status != InstanceStatus.Terminated);
        if (query.Ids.Count > 0)
        {
            instances = instances.Where(i => query.Ids.Contains(i.Id));
        }
        if (query.Statuses.Count > 0)
        {
            instances = instances.Where(i => query.Statuses.Contains(i.Status));
        }
        if (query.ImageIds.Count > 0)
        {
            instances = instances.Where(i => query.ImageIds.Contains(i.ImageId));
        }
        if (query.InstanceTypes.Count > 0)
        {
            instances = instances.Where(i => query.InstanceTypes.Contains(i.InstanceType));
        }
        if (!string.IsNullOrEmpty(query.VxNetId))
        {
            instances = instances.Where(i => db.Nics.Any(n => n.InstanceId == i.Id && n.VxNetId == query.VxNetId));
        }
        if (!string.IsNullOrEmpty(query.SearchWord))
        {
            var pattern = Text.Containing(query.SearchWord);
            instances = instances.Where(i => EF.Functions.Like(i.Id, pattern, Text.LikeEscape) || EF.Functions.Like(i.Name, pattern, Text.LikeEscape));
        }
        return instances;
    }

    /// <summary>The servers as the console shows them, each with its NICs in sequence order.</summary>
    private static async Task<IReadOnlyList<InstanceView>> WithNicsAsync(ConsoleDbContext db, IReadOnlyList<Instance> instances, CancellationToken cancellationToken)
    {
        var ids = instances.Select(i => i.Id).ToList();
        var nics = await (
            from n in db.Nics
            where n.InstanceId != null && ids.Contains(n.InstanceId)
            join x in db.VxNets on n.VxNetId equals x.Id
            orderby n.Sequence
            select new { n.InstanceId, View = new InstanceNicView(n.Id, n.Sequence!.Value, n.Role, n.Status, n.Transition, n.PrivateIp,
                n.VxNetId, x.Name, x.Type, x.Subnet, x.Gateway) }).ToListAsync(cancellationToken);
        var byInstance = nics.ToLookup(n => n.InstanceId!, n => n.View);
        return instances.Select(i => new InstanceView(i.Id, i.Name, i.Description, i.ImageId, i.InstanceType, i.Cpu, i.Memory,
            i.Status, i.Transition, i.JobId, i.Zone, i.Owner, i.CreateTime, i.StatusTime, byInstance[i.Id].ToList())).ToList();
    }

    public async Task<Result<Page<Job>>> QueryJobsAsync(OperationContext context, JobQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var (views, matches) = JobsOf(db, context, query);
        return await PageAsync(views, query.Page, JobSorting, cancellationToken, matches);
    }

    public Result<IAsyncEnumerable<Job>> ExportJobs(OperationContext context, JobQuery query) =>
        Export(context, query.Page, JobSorting, db => JobsOf(db, context, query).Views);

    /// <summary>The jobs <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<Job> Views, IQueryable<object> Matches) JobsOf(ConsoleDbContext db, OperationContext context, JobQuery query)
    {
        var jobs = db.Jobs.AsNoTracking().Where(j => j.Zone == context.Zone);
        if (query.Ids.Count > 0)
        {
            jobs = jobs.Where(j => query.Ids.Contains(j.Id));
        }
        if (query.Statuses.Count > 0)
        {
            jobs = jobs.Where(j => query.Statuses.Contains(j.Status));
        }
        if (query.Actions.Count > 0)
        {
            jobs = jobs.Where(j => query.Actions.Contains(j.Action));
        }
        if (!string.IsNullOrEmpty(query.ResourceId))
        {
            var pattern = Text.Containing(query.ResourceId);
            jobs = jobs.Where(j => EF.Functions.Like(j.ResourceIds, pattern, Text.LikeEscape));
        }
        if (!string.IsNullOrEmpty(query.Owner))
        {
            jobs = jobs.Where(j => j.Owner == query.Owner);
        }
        if (query.From is { } from)
        {
            jobs = jobs.Where(j => j.CreateTime >= from);
        }
        if (query.To is { } to)
        {
            jobs = jobs.Where(j => j.CreateTime < to);
        }
        return (jobs, jobs);
    }

    public async Task<Result<Page<OperationLogEntry>>> QueryOperationsAsync(OperationContext context, OperationQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var (views, matches) = OperationsOf(db, context, query);
        return await PageAsync(views, query.Page, OperationSorting, cancellationToken, matches);
    }

    public Result<IAsyncEnumerable<OperationLogEntry>> ExportOperations(OperationContext context, OperationQuery query) =>
        Export(context, query.Page, OperationSorting, db => OperationsOf(db, context, query).Views);

    /// <summary>The operations <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<OperationLogEntry> Views, IQueryable<object> Matches) OperationsOf(ConsoleDbContext db, OperationContext context, OperationQuery query)
    {
        var entries = db.OperationLog.AsNoTracking().Where(o => o.Zone == context.Zone);
        if (query.Actions.Count > 0)
        {
            entries = entries.Where(o => query.Actions.Contains(o.Action));
        }
        if (query.Results.Count > 0)
        {
            entries = entries.Where(o => query.Results.Contains(o.Result));
        }
        if (!string.IsNullOrEmpty(query.ResourceId))
        {
            var pattern = Text.Containing(NicKey(query.ResourceId));
            entries = entries.Where(o => EF.Functions.Like(o.ResourceIds, pattern, Text.LikeEscape));
        }
        if (!string.IsNullOrEmpty(query.User))
        {
            entries = entries.Where(o => o.User == query.User);
        }
        if (query.From is { } from)
        {
            entries = entries.Where(o => o.Time >= from);
        }
        if (query.To is { } to)
        {
            entries = entries.Where(o => o.Time < to);
        }
        return (entries, entries);
    }

    /// <summary>
    /// Every row <paramref name="views"/> selects, in the page's order but without its offset and limit, read
    /// as the caller enumerates them (an export of a large list never sits in memory whole).
    /// </summary>
    private Result<IAsyncEnumerable<T>> Export<T>(OperationContext context, PageRequest page, Sorting<T> sorting, Func<ConsoleDbContext, IQueryable<T>> views)
        where T : class
    {
        if ((page.Refusal() ?? sorting.Refusal(page)) is { } refusal)
        {
            return refusal;
        }
        return Result<IAsyncEnumerable<T>>.Success(Read());

        async IAsyncEnumerable<T> Read([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using var db = await OpenAsync(context, cancellationToken);
            await foreach (var item in sorting.Apply(views(db).AsNoTracking(), page).Value.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// One sorted page of <paramref name="query"/>, with the number of matches counted on
    /// <paramref name="matches"/> (the filtered rows without the joins that only add names) when given.
    /// </summary>
    private static async Task<Result<Page<T>>> PageAsync<T>(IQueryable<T> query, PageRequest page, Sorting<T> sorting, CancellationToken cancellationToken, IQueryable<object>? matches = null)
    {
        if (page.Refusal() is { } refusal)
        {
            return refusal;
        }
        var sorted = sorting.Apply(query, page);
        if (!sorted.Succeeded)
        {
            return sorted.Error!;
        }
        var total = matches is null ? await query.CountAsync(cancellationToken) : await matches.CountAsync(cancellationToken);
        var items = total == 0 ? [] : await sorted.Value.Skip(page.Offset).Take(page.EffectiveLimit).ToListAsync(cancellationToken);
        return new Page<T>(items, total);
    }
}
