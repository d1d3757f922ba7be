using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Instances;

public sealed class InstanceQueries(UseCaseServices services) : Reads(services), IListQueries<InstanceQuery, InstanceView>
{
    private static readonly Sorting<Instance> InstanceSorting = new Sorting<Instance>(i => i.Id, i => i.CreateTime)
        .By("name", i => i.Name).By("status", i => i.Status).By("create_time", i => i.CreateTime);

    public async Task<Result<Page<InstanceView>>> QueryAsync(OperationContext context, InstanceQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(context, cancellationToken);
        var page = await PageAsync(InstancesOf(db, context, query), query.Page, InstanceSorting, cancellationToken);
        if (!page.Succeeded)
        {
            return page.Error!;
        }
        return new Page<InstanceView>(await WithNicsAsync(db, context, Services.Hosts, page.Value.Items, cancellationToken), page.Value.TotalCount);
    }

    /// <summary>Every row a list query selects, in its order, without its offset and limit; read as enumerated.</summary>
    public Result<IAsyncEnumerable<InstanceView>> Export(OperationContext context, InstanceQuery query)
    {
        var instances = Export(context, query.Page, InstanceSorting, db => InstancesOf(db, context, query));
        return instances.Succeeded ? Result<IAsyncEnumerable<InstanceView>>.Success(Read(instances.Value)) : instances.Error!;

        // The servers stream in batches, each with its NICs read on a second context while the first one streams.
        async IAsyncEnumerable<InstanceView> Read(IAsyncEnumerable<Instance> servers, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using var db = await OpenAsync(context, cancellationToken);
            await foreach (var batch in servers.Chunk(500).WithCancellation(cancellationToken))
            {
                foreach (var view in await WithNicsAsync(db, context, Services.Hosts, batch, cancellationToken))
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
            instances = instances.WhereIn(i => i.Id, query.Ids);
        }
        if (query.Statuses.Count > 0)
        {
            instances = instances.WhereIn(i => i.Status, query.Statuses);
        }
        if (query.ImageIds.Count > 0)
        {
            instances = instances.WhereIn(i => i.ImageId, query.ImageIds);
        }
        if (query.InstanceTypes.Count > 0)
        {
            instances = instances.WhereIn(i => i.InstanceType, query.InstanceTypes);
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
    private static async Task<IReadOnlyList<InstanceView>> WithNicsAsync(ConsoleDbContext db, OperationContext context, Hosts.HostDirectory hosts, IReadOnlyList<Instance> instances, CancellationToken cancellationToken)
    {
        var ids = instances.Select(i => i.Id).ToList();
        var nics = await (
            from n in db.Nics.WhereIn(n => n.InstanceId!, ids)
            join x in db.VxNets on n.VxNetId equals x.Id
            orderby n.Sequence
            select new { n.InstanceId, View = new InstanceNicView(n.Id, n.Sequence!.Value, n.Role, n.Status, n.Transition, n.PrivateIp,
                n.VxNetId, x.Name, x.Type, x.Subnet, x.Gateway) }).ToListAsync(cancellationToken);
        var byInstance = nics.ToLookup(n => n.InstanceId!, n => n.View);
        var online = await hosts.HostsAsync(cancellationToken);
        return instances.Select(i => new InstanceView(i.Id, i.Name, i.Description, i.ImageId, i.InstanceType, i.Cpu, i.Memory,
            i.Status, i.Transition, i.JobId, i.Zone, i.Owner, i.CreateTime, i.StatusTime, byInstance[i.Id].ToList(), context.IsAdmin ? i.HostId : null,
            online.TryGetValue(i.HostId, out var up) && !up ? i.HostId : null)).ToList();
    }
}
