using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Vpcs;

public sealed class VpcQueries(UseCaseServices services) : Reads(services), IListQueries<VpcQuery, VpcView>
{
    private static readonly Sorting<VpcView> VpcSorting = new Sorting<VpcView>(v => v.Id, v => v.CreateTime)
        .By("name", v => v.Name).By("network", v => v.Network).By("status", v => v.Status)
        .By("vxnets", v => v.VxNetCount).By("create_time", v => v.CreateTime);

    public Task<Result<Page<VpcView>>> QueryAsync(OperationContext context, VpcQuery query, CancellationToken cancellationToken = default) =>
        PageAsync(context, query.Page, VpcSorting, db => VpcsOf(db, context, query), cancellationToken);

    /// <summary>Every row a list query selects, in its order, without its offset and limit; read as enumerated.</summary>
    public Result<IAsyncEnumerable<VpcView>> Export(OperationContext context, VpcQuery query) =>
        Export(context, query.Page, VpcSorting, db => VpcsOf(db, context, query).Views);

    /// <summary>The vpcs <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<VpcView> Views, IQueryable<object> Matches) VpcsOf(ConsoleDbContext db, OperationContext context, VpcQuery query)
    {
        var vpcs = db.Vpcs.Where(v => v.Zone == context.Zone && v.Status != VpcStatus.Deleted && v.Status != VpcStatus.Ceased);
        if (query.Ids.Count > 0)
        {
            vpcs = vpcs.WhereIn(v => v.Id, query.Ids);
        }
        if (query.Statuses.Count > 0)
        {
            vpcs = vpcs.WhereIn(v => v.Status, query.Statuses);
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
}
