using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NicConsole.Domain.Nics;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// One page (50 rows) of the NIC list filtered by VxNet and status and sorted by IP: <see cref="NicConsole.Domain.Nics.NicQueries.QueryAsync"/>
/// against the same page (its total and its rows, with the VxNet and server names) by hand-written SQL over ADO.NET.
/// Runs alternate ours and the floor, varying the VxNet; both plans are printed.
/// </summary>
public static class QueryPath
{
    private const int PageSize = 50;
    private const int WarmUp = 20;

    private const string FloorCount =
        "SELECT COUNT(*) FROM Nics AS n WHERE n.Zone = $zone AND n.VxNetId = $vxnet AND n.Status = $status";

    private const string FloorPage =
        "SELECT n.Id, n.Name, n.Description, n.Status, n.Transition, n.Role, n.Sequence, n.VxNetId, x.Name, x.Type, x.Subnet, n.PrivateIp, "
        + "n.InstanceId, i.Name, n.Zone, n.Owner, n.JobId, n.LastError, n.CreateTime, n.StatusTime "
        + "FROM Nics AS n JOIN VxNets AS x ON x.Id = n.VxNetId LEFT JOIN Instances AS i ON i.Id = n.InstanceId "
        + "WHERE n.Zone = $zone AND n.VxNetId = $vxnet AND n.Status = $status ORDER BY n.PrivateIp, n.Id LIMIT $limit OFFSET 0";

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchDomain domain, int runs)
    {
        List<string> vxnets;
        await using (var db = domain.Db())
        {
            vxnets = await db.VxNets.Where(x => x.Name.StartsWith("bulk-vxnet-")).OrderBy(x => x.Name).Select(x => x.Id).ToListAsync();
        }
        var zone = domain.Context.Zone;
        var status = NicStatus.InUse;
        await using var connection = await domain.OpenAsync();

        var ours = new List<double>(runs);
        var floor = new List<double>(runs);
        for (var i = -WarmUp; i < runs; i++)
        {
            var vxnet = vxnets[(i + WarmUp) * 7 % vxnets.Count];
            var start = Stopwatch.GetTimestamp();
            var page = await OursAsync(domain, vxnet, status);
            var oursMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            var (total, rows) = await FloorAsync(connection, zone, vxnet, status);
            var floorMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (page.TotalCount != total || page.Items.Count != rows.Count || !page.Items.Select(n => n.Id).SequenceEqual(rows))
            {
                throw new InvalidOperationException($"ours and the floor disagree on {vxnet}: {page.TotalCount}/{page.Items.Count} against {total}/{rows.Count}");
            }
            if (i >= 0)
            {
                ours.Add(oursMs);
                floor.Add(floorMs);
            }
        }
        Console.WriteLine($"Query path: {runs} runs each after {WarmUp} warm-up runs, {vxnets.Count} VxNets in turn, status {status}, sorted by private_ip, {PageSize} a page.");
        await PlansAsync(domain, connection, zone, vxnets[0], status);
        return
        [
            new Figure("NIC page p50", Report.Percentile(ours, 50), Report.Percentile(floor, 50), "ms", false, 1.5),
            new Figure("NIC page p95", Report.Percentile(ours, 95), Report.Percentile(floor, 95), "ms", false, 1.5, 20),
        ];
    }

    private static async Task<Page<NicView>> OursAsync(BenchDomain domain, string vxnet, NicStatus status)
    {
        var query = new NicQuery { VxNetIds = [vxnet], Statuses = [status], Page = new PageRequest(0, PageSize, "private_ip") };
        var result = await domain.Get<NicQueries>().QueryAsync(domain.Context, query);
        return result.Succeeded ? result.Value : throw new InvalidOperationException($"query refused: {result.Error}");
    }

    private static async Task<(int Total, List<string> Ids)> FloorAsync(SqliteConnection connection, string zone, string vxnet, NicStatus status)
    {
        await using var count = Command(connection, FloorCount, zone, vxnet, status);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var ids = new List<string>(PageSize);
        if (total == 0)
        {
            return (0, ids);
        }
        await using var page = Command(connection, FloorPage, zone, vxnet, status);
        await using var reader = await page.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values); // every column read, as ours materializes every column
            ids.Add(reader.GetString(0));
        }
        return (total, ids);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string zone, string vxnet, NicStatus status)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$zone", zone);
        command.Parameters.AddWithValue("$vxnet", vxnet);
        command.Parameters.AddWithValue("$status", status.ToString());
        if (sql.Contains("$limit", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$limit", PageSize);
        }
        return command;
    }

    /// <summary>EXPLAIN QUERY PLAN of the hand-written queries and of the SQL EF sends for the same page (captured from EF's diagnostics).</summary>
    private static async Task PlansAsync(BenchDomain domain, SqliteConnection connection, string zone, string vxnet, NicStatus status)
    {
        Console.WriteLine();
        foreach (var (label, sql) in new[] { ("hand-written count", FloorCount), ("hand-written page", FloorPage) })
        {
            await using var command = Command(connection, sql, zone, vxnet, status);
            await ExplainAsync(command, label);
        }
        await ExplainOursAsync(domain, connection, "EF", new NicQuery { VxNetIds = [vxnet], Statuses = [status], Page = new PageRequest(0, PageSize, "private_ip") });
    }

    /// <summary>EXPLAIN QUERY PLAN of each command EF sends for <paramref name="query"/>.</summary>
    public static async Task ExplainOursAsync(BenchDomain domain, SqliteConnection connection, string label, NicQuery query)
    {
        var captured = new List<(string Sql, List<(string Name, object? Value)> Parameters)>();
        using (DiagnosticListener.AllListeners.Subscribe(new Listeners(captured)))
        {
            var result = await domain.Get<NicQueries>().QueryAsync(domain.Context, query);
            _ = result.Succeeded ? result.Value : throw new InvalidOperationException($"query refused: {result.Error}");
        }
        foreach (var (i, (sql, parameters)) in captured.Index())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
            await ExplainAsync(command, $"{label} command {i + 1} of {captured.Count}");
        }
    }

    private static async Task ExplainAsync(SqliteCommand command, string label)
    {
        var sql = command.CommandText;
        Console.WriteLine($"{label}:");
        Console.WriteLine("```sql");
        Console.WriteLine(sql.Trim());
        Console.WriteLine("```");
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var details = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                details.Add(reader.GetString(3));
            }
        }
        command.CommandText = sql;
        foreach (var detail in details)
        {
            Console.WriteLine($"    {detail}");
        }
        var nics = details.Where(d => d.Contains(" n ", StringComparison.Ordinal) || d.EndsWith(" n", StringComparison.Ordinal)
            || d.Contains("Nics", StringComparison.Ordinal)).ToList();
        var indexed = nics.Where(d => d.StartsWith("SEARCH", StringComparison.Ordinal) && d.Contains("INDEX", StringComparison.Ordinal)).ToList();
        Console.WriteLine(indexed.Count > 0
            ? $"  -> index used on Nics: {string.Join("; ", indexed)}"
            : "  -> NO index search on Nics (scan)");
        Console.WriteLine();
    }

    /// <summary>Subscribes to EF Core's diagnostic listener and keeps the text and parameters of each command it executes.</summary>
    private sealed class Listeners(List<(string Sql, List<(string Name, object? Value)> Parameters)> captured) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                value.Subscribe(new Commands(captured));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class Commands(List<(string Sql, List<(string Name, object? Value)> Parameters)> captured) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            // Only the NIC list's commands: the app's job worker may poll on another thread meanwhile.
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
                && data.Command.CommandText.Contains("FROM \"Nics\"", StringComparison.Ordinal))
            {
                lock (captured)
                {
                    captured.Add((data.Command.CommandText,
                        data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
