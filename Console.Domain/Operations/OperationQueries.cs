using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using NicConsole.Domain.Nics;

namespace NicConsole.Domain.Operations;

public sealed class OperationQueries(UseCaseServices services) : Reads(services), IListQueries<OperationQuery, OperationLogEntry>
{
    private static readonly Sorting<OperationLogEntry> OperationSorting = new Sorting<OperationLogEntry>(o => o.Id, o => o.Time)
        .By("time", o => o.Time).By("action", o => o.Action).By("user", o => o.User).By("result", o => o.Result);

    public Task<Result<Page<OperationLogEntry>>> QueryAsync(OperationContext context, OperationQuery query, CancellationToken cancellationToken = default) =>
        PageAsync(context, query.Page, OperationSorting, db => OperationsOf(db, context, query), cancellationToken);

    /// <summary>Every row a list query selects, in its order, without its offset and limit; read as enumerated.</summary>
    public Result<IAsyncEnumerable<OperationLogEntry>> Export(OperationContext context, OperationQuery query) =>
        Export(context, query.Page, OperationSorting, db => OperationsOf(db, context, query).Views);

    /// <summary>The operations <paramref name="query"/> selects, and the rows to count them on.</summary>
    private static (IQueryable<OperationLogEntry> Views, IQueryable<object> Matches) OperationsOf(ConsoleDbContext db, OperationContext context, OperationQuery query)
    {
        var entries = db.OperationLog.AsNoTracking().Where(o => o.Zone == context.Zone);
        if (query.Actions.Count > 0)
        {
            entries = entries.WhereIn(o => o.Action, query.Actions);
        }
        if (query.Results.Count > 0)
        {
            entries = entries.WhereIn(o => o.Result, query.Results);
        }
        if (!string.IsNullOrEmpty(query.ResourceId))
        {
            var pattern = Text.Containing(MacAddress.KeyOf(query.ResourceId));
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
}
