using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.Localization;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;
using NicConsole.Web.Localization;
using NicConsole.Web.Operators;

namespace NicConsole.Web.Export;

/// <summary>
/// <c>GET /export/{list}.csv?q=…</c>: every row of a list under the query the page shows (see <see cref="ExportLink"/>),
/// streamed as UTF-8 CSV with headers in the operator's language.
/// </summary>
public static class ExportEndpoints
{
    // The byte-order mark lets spreadsheet programs read the Chinese names as UTF-8; a name that starts like a formula stays text.
    private static readonly CsvWriterOptions Csv = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export").RequireAuthorization();
        Map<VpcQueries, VpcQuery, VpcView>(export, "vpcs", ExportColumns.Vpcs);
        Map<VxNetQueries, VxNetQuery, VxNetView>(export, "vxnets", ExportColumns.VxNets);
        Map<NicQueries, NicQuery, NicView>(export, "nics", ExportColumns.Nics);
        Map<InstanceQueries, InstanceQuery, InstanceView>(export, "instances", ExportColumns.Instances);
        Map<JobQueries, JobQuery, Job>(export, "jobs", ExportColumns.Jobs);
        Map<OperationQueries, OperationQuery, OperationLogEntry>(export, "operations", ExportColumns.Operations);
        return app;
    }

    /// <summary><c>/export/{list}.csv</c>: every row of the list's query (<c>?q=</c>, as the page holds it), in its order.</summary>
    private static void Map<TQueries, TQuery, T>(RouteGroupBuilder export, string list, IReadOnlyList<CsvColumn<T>> columns)
        where TQueries : IListQueries<TQuery, T>
        where TQuery : new() =>
        export.MapGet($"/{list}.csv", (HttpContext http, TQueries queries, CurrentOperator op) =>
            Write(http, list, (TQuery q) => queries.Export(op.Context, q), columns));

    private static IResult Write<TQuery, T>(HttpContext http, string list, Func<TQuery, Result<IAsyncEnumerable<T>>> export, IReadOnlyList<CsvColumn<T>> columns)
        where TQuery : new()
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        TQuery query;
        try
        {
            query = http.Request.Query["q"] is [{ Length: > 0 } json] ? JsonSerializer.Deserialize<TQuery>(json, ExportLink.Json) ?? new TQuery() : new TQuery();
        }
        catch (JsonException)
        {
            return Results.Text(text["Export.BadQuery"], statusCode: StatusCodes.Status400BadRequest);
        }
        var rows = export(query);
        if (!rows.Succeeded)
        {
            var errors = http.RequestServices.GetRequiredService<ErrorText>();
            return Results.Text(errors[rows.Error!], statusCode: StatusCodes.Status400BadRequest);
        }
        var headers = columns.Select(c => text[c.HeaderKey].Value).ToList();
        var file = $"{list}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv";
        return Results.Stream(async body =>
        {
            await using var csv = CsvWriter.Create(body, Csv, leaveOpen: true);
            await csv.WriteRecordAsync([.. headers], http.RequestAborted);
            var cells = new string?[columns.Count];
            await foreach (var row in rows.Value.WithCancellation(http.RequestAborted))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    cells[i] = Cell(columns[i].Value(row));
                }
                await csv.WriteRecordAsync(cells!, http.RequestAborted);
            }
            await csv.FlushAsync(http.RequestAborted);
        }, "text/csv; charset=utf-8", file);
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Enum e => e.ApiName(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
