using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// Request-NIC, attach and detach through the use cases, one NIC an operation, N sequential operations
/// each. Only the accept step is timed (the use case's transaction: reads, rules, reservation, job and log rows);
/// jobs are settled by the <see cref="JobRunner"/> between the phases, untimed. The floor writes the same rows with
/// plain ADO.NET, one transaction an operation, after the same reads a decision needs.
/// </summary>
public static class WritePath
{
    internal const int WarmUp = 10;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchDomain domain, int ops)
    {
        var (vxnets, servers) = await TargetsAsync(domain);
        var half = vxnets.Count / 2;
        var ours = await OursAsync(domain, vxnets[..half], servers, ops);
        var floor = await FloorAsync(domain, vxnets[half..], servers, ops);
        Console.WriteLine($"Write path: {ops} operations of each kind, accept step only, jobs settled untimed in between.");
        return
        [
            new Figure("request-NIC", ours.Request, floor.Request, "ops/s", true, 3),
            new Figure("attach NIC", ours.Attach, floor.Attach, "ops/s", true, 3),
            new Figure("detach NIC", ours.Detach, floor.Detach, "ops/s", true, 3),
        ];
    }

    internal sealed record Rates(double Request, double Attach, double Detach);

    /// <summary>Bulk VxNets (up to 100) and running servers with the fewest NICs.</summary>
    internal static async Task<(List<string> VxNets, List<string> Servers)> TargetsAsync(BenchDomain domain)
    {
        await using var db = domain.Db();
        var vxnets = await db.VxNets.Where(x => x.Name.StartsWith("bulk-vxnet-")).OrderBy(x => x.Id).Select(x => x.Id).Take(100).ToListAsync();
        var servers = await db.Instances.Where(i => i.Status == InstanceStatus.Running)
            .Select(i => new { i.Id, Nics = db.Nics.Count(n => n.InstanceId == i.Id) })
            .OrderBy(i => i.Nics).ThenBy(i => i.Id).Select(i => i.Id).Take(500).ToListAsync();
        return (vxnets, servers);
    }

    internal static async Task<Rates> OursAsync(BenchDomain domain, IReadOnlyList<string> vxnets, IReadOnlyList<string> servers, int ops)
    {
        var service = domain;
        var context = domain.Context;
        async Task<Rates> Round(int count, int offset)
        {
            var nics = new List<string>(count);
            var request = await TimeAsync(count, async i =>
                nics.Add(Ok(await service.Get<RequestNics>().RunAsync(context, new RequestNics.Request(vxnets[(offset + i) % vxnets.Count], "bench")))[0].NicId));
            var attach = await TimeAsync(count, async i => Ok(await service.Get<AttachNics>().RunAsync(context, [nics[i]], servers[(offset + i) % servers.Count])));
            await domain.Jobs.RunAllPendingAsync();
            var detach = await TimeAsync(count, async i => Ok(await service.Get<DetachNics>().RunAsync(context, [nics[i]])));
            await domain.Jobs.RunAllPendingAsync();
            return new Rates(request, attach, detach);
        }
        await Round(WarmUp, 0);
        return await Round(ops, WarmUp);
    }

    /// <summary>Operations per second of <paramref name="count"/> sequential calls, timing the calls only.</summary>
    private static async Task<double> TimeAsync(int count, Func<int, Task> operation)
    {
        var elapsed = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(i);
            elapsed += Stopwatch.GetElapsedTime(start);
        }
        return count / elapsed.TotalSeconds;
    }

    private static async Task<Rates> FloorAsync(BenchDomain domain, IReadOnlyList<string> vxnets, IReadOnlyList<string> servers, int ops)
    {
        await using var connection = await domain.OpenAsync();
        var zone = domain.Context.Zone;
        var serial = 0;
        async Task<Rates> Round(int count, int offset)
        {
            var nics = new List<(string Nic, string Server)>(count);
            var request = await TimeAsync(count, async i =>
                nics.Add((await FloorRequestAsync(connection, zone, vxnets[(offset + i) % vxnets.Count], ++serial), servers[(offset + i) % servers.Count])));
            var attach = await TimeAsync(count, i => FloorAttachAsync(connection, zone, nics[i].Nic, nics[i].Server));
            var detach = await TimeAsync(count, i => FloorDetachAsync(connection, zone, nics[i].Nic));
            return new Rates(request, attach, detach);
        }
        await Round(WarmUp, 0);
        return await Round(ops, WarmUp);
    }

    private static async Task<string> FloorRequestAsync(SqliteConnection connection, string zone, string vxnetId, int serial)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var vxnet = await ScalarAsync(connection, tx, "SELECT Id FROM VxNets WHERE Id = $v AND Zone = $z", ("$v", vxnetId), ("$z", zone));
        if (vxnet is null)
        {
            throw new InvalidOperationException($"{vxnetId} not found");
        }
        long highest = 0;
        await using (var used = Command(connection, tx, "SELECT PrivateIp FROM Nics WHERE VxNetId = $v", ("$v", vxnetId)))
        await using (var reader = await used.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                highest = Math.Max(highest, reader.GetInt64(0));
            }
        }
        var now = DateTime.UtcNow;
        var nicId = FloorMac(serial);
        await ExecuteAsync(connection, tx,
            "INSERT INTO Nics (Id, CreateTime, Description, InstanceId, JobId, LastError, Name, Owner, PrivateIp, Role, Sequence, Status, StatusTime, Transition, Version, VxNetId, Zone) "
            + "VALUES ($id, $now, '', NULL, NULL, NULL, 'floor', 'bench', $ip, $role, NULL, $status, $now, $transition, 0, $v, $z)",
            ("$id", nicId), ("$now", now), ("$ip", highest + 1), ("$role", NicRole.Secondary.ToString()), ("$status", NicStatus.Available.ToString()),
            ("$transition", Transition.None.ToString()), ("$v", vxnetId), ("$z", zone));
        await ExecuteAsync(connection, tx, "UPDATE VxNets SET Version = Version + 1 WHERE Id = $v", ("$v", vxnetId));
        await LogAsync(connection, tx, zone, "CreateNics", [vxnetId, nicId], OperationResult.Succeeded, $"{nicId}={highest + 1}", null, now);
        await tx.CommitAsync();
        return nicId;
    }

    private static async Task FloorAttachAsync(SqliteConnection connection, string zone, string nicId, string serverId)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        _ = await ScalarAsync(connection, tx, "SELECT Status FROM Instances WHERE Id = $i AND Zone = $z", ("$i", serverId), ("$z", zone));
        _ = await ScalarAsync(connection, tx, "SELECT Status FROM Nics WHERE Id = $n AND Zone = $z", ("$n", nicId), ("$z", zone));
        var taken = new HashSet<long>();
        await using (var sequences = Command(connection, tx, "SELECT Sequence FROM Nics WHERE InstanceId = $i", ("$i", serverId)))
        await using (var reader = await sequences.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                taken.Add(reader.GetInt64(0));
            }
        }
        var sequence = Enumerable.Range(1, Limits.MaxSequence).First(s => !taken.Contains(s));
        var jobId = ResourceIds.NewJobId();
        var now = DateTime.UtcNow;
        await ExecuteAsync(connection, tx,
            "UPDATE Nics SET InstanceId = $i, Sequence = $s, Transition = $t, JobId = $j, StatusTime = $now, Version = Version + 1 WHERE Id = $n",
            ("$i", serverId), ("$s", sequence), ("$t", Transition.Attaching.ToString()), ("$j", jobId), ("$now", now), ("$n", nicId));
        await ExecuteAsync(connection, tx, "UPDATE Instances SET Version = Version + 1 WHERE Id = $i", ("$i", serverId));
        await JobAsync(connection, tx, zone, jobId, JobAction.AttachNics, [nicId, serverId], JsonSerializer.Serialize(new { nics = new[] { nicId }, instance = serverId }), now);
        await LogAsync(connection, tx, zone, nameof(JobAction.AttachNics), [nicId, serverId], OperationResult.Accepted, $"{nicId}>{serverId}:eth{sequence}", jobId, now);
        await tx.CommitAsync();
    }

    private static async Task FloorDetachAsync(SqliteConnection connection, string zone, string nicId)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var serverId = (string)(await ScalarAsync(connection, tx, "SELECT InstanceId FROM Nics WHERE Id = $n AND Zone = $z", ("$n", nicId), ("$z", zone)))!;
        _ = await ScalarAsync(connection, tx, "SELECT Status FROM Instances WHERE Id = $i", ("$i", serverId));
        var jobId = ResourceIds.NewJobId();
        var now = DateTime.UtcNow;
        await ExecuteAsync(connection, tx,
            "UPDATE Nics SET Transition = $t, JobId = $j, StatusTime = $now, Version = Version + 1 WHERE Id = $n",
            ("$t", Transition.Detaching.ToString()), ("$j", jobId), ("$now", now), ("$n", nicId));
        await ExecuteAsync(connection, tx, "UPDATE Instances SET Version = Version + 1 WHERE Id = $i", ("$i", serverId));
        await JobAsync(connection, tx, zone, jobId, JobAction.DetachNics, [nicId, serverId], JsonSerializer.Serialize(new { nics = new[] { nicId } }), now);
        await LogAsync(connection, tx, zone, nameof(JobAction.DetachNics), [nicId, serverId], OperationResult.Accepted, $"{nicId}<{serverId}", jobId, now);
        await tx.CommitAsync();
    }

    /// <summary>A pending job row, as the floor's jobs are never run (the floor phases run after ours have settled).</summary>
    private static Task JobAsync(SqliteConnection connection, SqliteTransaction tx, string zone, string jobId, JobAction action, string[] resources, string directive, DateTime now) =>
        ExecuteAsync(connection, tx,
            "INSERT INTO Jobs (Id, Action, Attempts, CreateTime, Directive, Error, LeaseUntil, Node, Owner, ResourceIds, Status, StatusTime, Version, Zone) "
            + "VALUES ($id, $a, 0, $now, $d, NULL, NULL, NULL, 'bench', $r, $s, $now, 0, $z)",
            ("$id", jobId), ("$a", action.ToString()), ("$now", now), ("$d", directive), ("$r", string.Join(' ', resources)),
            ("$s", JobStatus.Pending.ToString()), ("$z", zone));

    private static async Task LogAsync(SqliteConnection connection, SqliteTransaction tx, string zone, string action, string[] resources, OperationResult result, string detail, string? jobId, DateTime now)
    {
        var id = (long)(await ScalarAsync(connection, tx,
            "INSERT INTO OperationLog (Action, Detail, JobId, ResourceIds, Result, Time, User, Zone) VALUES ($a, $d, $j, $r, $res, $now, 'bench', $z) RETURNING Id",
            ("$a", action), ("$d", detail), ("$j", (object?)jobId ?? DBNull.Value), ("$r", string.Join(' ', resources)), ("$res", result.ToString()), ("$now", now), ("$z", zone)))!;
        foreach (var resource in resources)
        {
            await ExecuteAsync(connection, tx, "INSERT INTO OperationLogResources (ResourceId, OperationId) VALUES ($r, $o)", ("$r", resource), ("$o", id));
        }
    }

    /// <summary>A MAC outside the 52:54 range the domain makes, unique by serial.</summary>
    private static string FloorMac(int serial) =>
        $"02:bb:{serial >> 24 & 0xff:x2}:{serial >> 16 & 0xff:x2}:{serial >> 8 & 0xff:x2}:{serial & 0xff:x2}";

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static T Ok<T>(Result<T> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"bench operation refused: {result.Error}");
}
