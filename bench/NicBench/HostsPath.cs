using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// Many hosts against one console on SQLite: simulated agents in this process (no kernel work) over the real protocol:
/// each heartbeats every 5 s and waits for its host's desired state. One VxNet spans as many hosts as it can (a server
/// on each; a VxNet holds 252 NICs, so at most 250 hosts besides the router's); a change to it (a NIC attached or
/// detached on one host) must reach every agent of those hosts and wake no other: the time from the change's commit
/// to each receipt, with 10, 100 and 1,000 agents waiting. Then the console's CPU and its database writes at rest
/// (heartbeats only) and during 100 attaches a second elsewhere, with every agent waiting.
/// </summary>
public static class HostsPath
{
    private const int Rounds = 6;

    /// <summary>The most hosts one VxNet can span: its 252 NICs, one of them moved by the measured change, one spare.</summary>
    private const int Span = 250;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchDomain domain, IReadOnlyList<int> counts)
    {
        using var host = new BenchHost(domain, domain.Context.Zone, more: new Dictionary<string, string>
        {
            // No agent exists while the servers are placed: jobs settle without waiting for one.
            ["Hosts:WaitForAgents"] = "false",
            ["Jobs:PollIntervalMilliseconds"] = "20",
        });
        var url = host.Start();
        var admin = domain.Context;
        T Use<T>() where T : notnull => host.Services.GetRequiredService<T>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(90),
        };

        var vpc = Ok(await Use<CreateVpcs>().RunAsync(admin, "hosts-bench", "192.168.0.0/16")).ResourceIds[0];
        await JobsDoneAsync(domain);
        var span = Ok(await Use<CreateVxNets>().RunAsync(admin, "span"))[0];
        Ok(await Use<JoinVpc>().RunAsync(admin, new JoinVpc.Request(span, vpc, "192.168.0.0/24")));
        await JobsDoneAsync(domain);

        // The NIC the measured changes attach and detach, in the spanning VxNet.
        var nic = Ok(await Use<RequestNics>().RunAsync(admin, new RequestNics.Request(span, "fan-out")))[0].NicId;
        var agents = new List<SimAgent>();
        var servers = new List<string>();
        var figures = new List<Figure>();
        using var stop = new CancellationTokenSource();
        double? first = null;
        foreach (var count in counts)
        {
            var clock = Stopwatch.StartNew();
            for (var i = agents.Count; i < count; i++)
            {
                var name = $"b{i}";
                var token = Ok(await Use<RegisterHost>().RunAsync(admin, new RegisterHost.Request(name, admin.Zone, $"198.18.{i / 250}.{i % 250 + 1}", 10, 100))).Token;
                agents.Add(new SimAgent(http, token));
            }
            // Online before placement: heard once each, then the status worker marks them (within a second or two).
            await Task.WhenAll(agents.Select(a => a.BeatAsync(stop.Token)));
            await UntilAsync(async () =>
            {
                await using var db = domain.Db();
                return await db.Hosts.CountAsync(h => h.Online && h.Name.StartsWith("b")) == count;
            });
            for (var i = servers.Count; i < Math.Min(count, Span); i++)
            {
                servers.Add(Ok(await Use<RunInstances>().RunAsync(admin, new RunInstances.Request($"s{i}", [new NetworkChoice(span)], Host: $"b{i}"))).ResourceIds[0]);
            }
            await JobsDoneAsync(domain);
            foreach (var agent in agents.Where(a => !a.Running))
            {
                agent.Start(stop.Token);
            }
            await UntilAsync(() => Task.FromResult(agents.All(a => a.Received >= 1 && a.Waiting)));
            Console.WriteLine($"Hosts: {count} agents registered, placed and waiting in {clock.Elapsed.TotalSeconds:F0} s");

            // A NIC in the spanning VxNet attached to b0's server, then detached: each changes every host's state.
            var latencies = new List<double>();
            long woken = 0;
            await UntilAsync(() => Task.FromResult(agents.All(a => a.Waiting)));
            for (var round = 0; round < Rounds; round++)
            {
                var before = agents.Select(a => a.Received).ToList();
                var concerned = agents.Take(servers.Count).ToList();
                var at = Stopwatch.GetTimestamp();
                if (round % 2 == 0)
                {
                    Ok(await Use<AttachNics>().RunAsync(admin, [nic], servers[0]));
                }
                else
                {
                    Ok(await Use<DetachNics>().RunAsync(admin, [nic]));
                }
                await UntilAsync(() => Task.FromResult(concerned.Select((a, i) => a.Received > before[i]).All(x => x)));
                latencies.AddRange(concerned.Select(a => Stopwatch.GetElapsedTime(at, a.LastAt).TotalMilliseconds));
                woken += agents.Skip(servers.Count).Select((a, i) => a.Received - before[servers.Count + i]).Sum();
                await JobsDoneAsync(domain);
                await UntilAsync(() => Task.FromResult(agents.All(a => a.Waiting)));
            }
            var p50 = Report.Percentile(latencies, 50);
            var p95 = Report.Percentile(latencies, 95);
            first ??= p95;
            Console.WriteLine($"Hosts: {count} agents, a change to a VxNet on {servers.Count} of their hosts reached each of those: p50 {p50:F1} ms, "
                + $"p95 {p95:F1} ms, max {latencies.Max():F1} ms ({Rounds} changes); the {count - servers.Count} other agents got {woken} states");
            figures.Add(new Figure($"{count:N0} agents: change reaches its {servers.Count} hosts, p50", p50, first.Value, "ms", false, null) { FloorLabel = $"p95 at {counts[0]}" });
            figures.Add(new Figure($"{count:N0} agents: change reaches its {servers.Count} hosts, p95", p95, first.Value, "ms", false, null, MaxOurs: 1000) { FloorLabel = $"p95 at {counts[0]}" });
        }

        await MeasureAsync(domain, "at rest, heartbeats only", TimeSpan.FromSeconds(10), _ => Task.CompletedTask);
        var (vxnets, targets) = await WritePath.TargetsAsync(domain);
        var free = new ConcurrentQueue<string>();
        foreach (var id in Ok(await Use<RequestNics>().RunAsync(admin, new RequestNics.Request(vxnets[0], "load", 200))).Select(n => n.NicId))
        {
            free.Enqueue(id);
        }
        var attached = new ConcurrentQueue<string>();
        await MeasureAsync(domain, "during 100 attaches (and 100 detaches) a second elsewhere", TimeSpan.FromSeconds(10), async tick =>
        {
            // 10 ms a tick: one attach or one detach, alternately, so the NICs cycle.
            if (tick % 2 == 0 && free.TryDequeue(out var n))
            {
                Ok(await Use<AttachNics>().RunAsync(admin, [n], targets[tick / 2 % targets.Count]));
                attached.Enqueue(n);
            }
            else if (attached.TryDequeue(out var a))
            {
                await JobsDoneAsync(domain);
                if ((await Use<DetachNics>().RunAsync(admin, [a])).Succeeded)
                {
                    free.Enqueue(a);
                }
            }
        });
        await stop.CancelAsync();
        return figures;
    }

    /// <summary>The process's CPU (console and simulated agents together) and the database's commits over <paramref name="span"/>.</summary>
    private static async Task MeasureAsync(BenchDomain domain, string what, TimeSpan span, Func<int, Task> work)
    {
        await using var watch = await domain.OpenAsync();
        var commits = 0;
        var version = await DataVersionAsync(watch);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var tick = 0;
        while (clock.Elapsed < span)
        {
            await work(tick++);
            var now = await DataVersionAsync(watch);
            commits += now != version ? 1 : 0;
            version = now;
            var next = TimeSpan.FromMilliseconds(10 * tick) - clock.Elapsed;
            if (next > TimeSpan.Zero)
            {
                await Task.Delay(next);
            }
        }
        process.Refresh();
        var used = (process.TotalProcessorTime - cpu).TotalSeconds / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Hosts: {what}: CPU {used * 100:F0}% of one core (console and agents), database commits seen {commits / clock.Elapsed.TotalSeconds:F1}/s");
    }

    /// <summary>SQLite's data_version: it moves when another connection commits (sampled every 10 ms, so commits close together count once).</summary>
    private static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task JobsDoneAsync(BenchDomain domain) =>
        await UntilAsync(async () =>
        {
            await using var db = domain.Db();
            return !await db.Jobs.AnyAsync(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Working);
        });

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the hosts bench waited 3 minutes for its condition");
            }
            await Task.Delay(20);
        }
    }

    private static T Ok<T>(Result<T> result) => result.Succeeded ? result.Value : throw new InvalidOperationException(result.Error!.ToString());

    /// <summary>An agent with the simulated driver: the protocol only (heartbeat every 5 s, a wait for each new state, a report after it).</summary>
    private sealed class SimAgent(HttpClient http, string token)
    {
        private long _received;
        private long _lastAt;
        private volatile bool _waiting;

        public bool Running { get; private set; }

        public long Received => Interlocked.Read(ref _received);

        public long LastAt => Interlocked.Read(ref _lastAt);

        public bool Waiting => _waiting;

        public async Task BeatAsync(CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/agent/v1/heartbeat");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await http.SendAsync(request, cancellationToken)).EnsureSuccessStatusCode();
        }

        public void Start(CancellationToken cancellationToken)
        {
            Running = true;
            _ = Task.Run(async () =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(Random.Shared.Next(500)), cancellationToken).ContinueWith(_ => { });
                    await BeatAsync(CancellationToken.None).ContinueWith(_ => { });
                }
            }, cancellationToken);
            _ = Task.Run(async () =>
            {
                string? etag = null;
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"/agent/v1/state?wait={(etag is null ? 0 : 30)}");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    if (etag is not null)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    }
                    _waiting = etag is not null;
                    using var response = await http.SendAsync(request, cancellationToken);
                    _waiting = false;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        continue;
                    }
                    Interlocked.Exchange(ref _lastAt, Stopwatch.GetTimestamp());
                    etag = response.Headers.ETag?.Tag;
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    Interlocked.Increment(ref _received);
                    using var report = new HttpRequestMessage(HttpMethod.Post, "/agent/v1/report")
                    {
                        Content = JsonContent.Create(new AgentReport(etag ?? "", [], [], []), options: HostDesiredState.Json),
                    };
                    report.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    (await http.SendAsync(report, cancellationToken)).EnsureSuccessStatusCode();
                    GC.KeepAlive(body);
                }
            }, cancellationToken);
        }
    }
}
