using System.Diagnostics;
using System.Globalization;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Vpcs;
using NicConsole.Domain.VxNets;

using static NicConsole.Bench.NicBench.Growth;

namespace NicConsole.Bench.NicBench;

/// <summary>
/// The Linux data plane (skipped with a message where it cannot run): attach and detach of one NIC from accept to
/// job successful, against the same <c>ip</c> commands run bare; 63 NICs onto one server in one job; a reconcile pass
/// over 250 servers with 2,000 NICs; the kernel memory a server and a NIC take. Its own small database, its own prefix,
/// and every namespace it made deleted at the end.
/// </summary>
public static class DataPlanePath
{
    private const int Servers = 250;
    private const int Nics = 2_000;

    public static async Task<IReadOnlyList<Figure>> RunAsync(int runs)
    {
        var prefix = $"ncb{Environment.ProcessId:x}";
        var settings = new Dictionary<string, string?>
        {
            ["DataPlane:Driver"] = "Linux",
            ["DataPlane:Prefix"] = prefix,
            ["DataPlane:MaxNics"] = "5000",
            ["Logging:LogLevel:NicConsole.Domain.DataPlane.Linux.LinuxDataPlane"] = "Debug",
        };
        BenchDomain domain;
        try
        {
            domain = new BenchDomain(settings);
            if (!domain.Get<IDataPlane>().IsReal)
            {
                throw new InvalidOperationException("the Linux driver is not available in this build");
            }
        }
        catch (Exception ex)
        {
            Console.WriteLine($"Data plane: skipped, the Linux driver cannot run here: {ex.Message}");
            return [];
        }
        try
        {
            await using (domain)
            {
                return await MeasureAsync(domain, prefix, runs);
            }
        }
        finally
        {
            foreach (var name in Run("ip", "netns", "list").Split('\n').Select(l => l.Split(' ')[0]).Where(n => n.StartsWith(prefix + "-", StringComparison.Ordinal)))
            {
                Run("ip", "netns", "del", name);
            }
        }
    }

    private static async Task<IReadOnlyList<Figure>> MeasureAsync(BenchDomain domain, string prefix, int runs)
    {
        await domain.MigrateAsync();
        var context = domain.Context;
        var vpc = Ok(await domain.Get<CreateVpcs>().RunAsync(context, "bench", "172.16.0.0/16")).ResourceIds[0];
        await domain.Jobs.RunAllPendingAsync();
        var vxnets = new List<string>();
        for (var i = 0; i < 14; i++)
        {
            var vxnet = Ok(await domain.Get<CreateVxNets>().RunAsync(context, $"bench-{i}"))[0];
            Ok(await domain.Get<JoinVpc>().RunAsync(context, new JoinVpc.Request(vxnet, vpc, $"172.16.{i + 1}.0/24")));
            vxnets.Add(vxnet);
        }
        await domain.Jobs.RunAllPendingAsync();

        // Attach and detach one NIC, accept to job successful; then the same on the simulated driver (no wait): the control plane alone.
        var (server, attach, detach) = await RoundTripsAsync(domain, vxnets[0], vxnets[1], runs);
        var (floorAttach, floorDetach) = Floor(prefix, server, vxnets[1], runs);
        List<double> controlAttach, controlDetach;
        await using (var simulated = new BenchDomain())
        {
            await simulated.MigrateAsync();
            var simulatedVpc = Ok(await simulated.Get<CreateVpcs>().RunAsync(simulated.Context, "bench", "172.16.0.0/16")).ResourceIds[0];
            await simulated.Jobs.RunAllPendingAsync();
            var pair = new List<string>();
            for (var i = 0; i < 2; i++)
            {
                pair.Add(Ok(await simulated.Get<CreateVxNets>().RunAsync(simulated.Context, $"bench-{i}"))[0]);
                Ok(await simulated.Get<JoinVpc>().RunAsync(simulated.Context, new JoinVpc.Request(pair[i], simulatedVpc, $"172.16.{i + 1}.0/24")));
            }
            await simulated.Jobs.RunAllPendingAsync();
            (_, controlAttach, controlDetach) = await RoundTripsAsync(simulated, pair[0], pair[1], runs);
        }

        // 63 NICs onto the server in one job (eth1–eth63).
        var many = Ok(await domain.Get<RequestNics>().RunAsync(context, new RequestNics.Request(vxnets[2], "many", 63))).Select(n => n.NicId).ToList();
        var fill = await TimedAsync(async () => Ok(await domain.Get<AttachNics>().RunAsync(context, many, server)), domain);

        // 250 servers with 2,000 NICs, then a pass that finds nothing to do.
        var before = KernelMemoryKiB();
        var made = new List<string>();
        for (var left = Servers - 1; left > 0; left -= Math.Min(left, 50))
        {
            var count = Math.Min(left, 50);
            var vxnet = vxnets[3 + made.Count / 50 % 5];
            made.AddRange(Ok(await domain.Get<RunInstances>().RunAsync(context, new RunInstances.Request("fleet", [new NetworkChoice(vxnet)], Count: count))).ResourceIds);
            await domain.Jobs.RunAllPendingAsync();
        }
        var afterServers = KernelMemoryKiB();
        var placed = Servers + 63;
        var secondaries = new List<(string Nic, string Server)>();
        // Each VxNet filled to 250 in turn: the fleet's five hold 50 servers each, the rest start empty.
        for (var v = 3; placed + secondaries.Count < Nics; v++)
        {
            var vxnet = vxnets[v];
            var want = Math.Min(v < 8 ? 200 : 250, Nics - placed - secondaries.Count);
            var nics = Ok(await domain.Get<RequestNics>().RunAsync(context, new RequestNics.Request(vxnet, "fleet", want))).Select(n => n.NicId).ToList();
            for (var i = 0; i < nics.Count; i++)
            {
                secondaries.Add((nics[i], made[(secondaries.Count + i) % made.Count]));
            }
        }
        foreach (var group in secondaries.GroupBy(s => s.Server))
        {
            Ok(await domain.Get<AttachNics>().RunAsync(context, group.Select(g => g.Nic).ToList(), group.Key));
        }
        await domain.Jobs.RunAllPendingAsync();
        var afterNics = KernelMemoryKiB();
        var reconciler = domain.Get<Reconciler>();
        // The first pass makes what no job made (the basic network's router); the one measured finds nothing to do.
        var first = await reconciler.RunAsync(apply: true, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var (desired, busy) = await reconciler.DesiredAsync(CancellationToken.None);
        var databaseMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var pass = await reconciler.RunAsync(apply: true, CancellationToken.None);
        var passMs = clock.Elapsed.TotalMilliseconds;

        var perServer = (afterServers - before) / (double)made.Count;
        var perNic = (afterNics - afterServers) / (double)secondaries.Count;
        Console.WriteLine($"Data plane (Linux driver, prefix {prefix}): {runs} attach/detach round trips of one NIC, accept → job successful; "
            + $"the floor runs the same ip commands bare. 63 NICs onto one server in one job: {fill:0} ms ({fill / 63:0.0} ms a NIC). "
            + $"Reconcile pass over {Servers} servers and {Nics:N0} NICs: {passMs:0} ms ({databaseMs:0} ms of it the database's desired state), "
            + $"{pass.Changes.Count} changes, {pass.Errors.Count} errors (the first pass: {first.Changes.Count} changes, {first.Errors.Count} errors). "
            + $"Kernel memory (MemTotal − MemAvailable): about {perServer:0} KiB a server namespace with its eth0, {perNic:0} KiB a NIC. "
            + $"The control plane alone (the same round trips on the simulated driver, no wait): attach p50 {Report.Percentile(controlAttach, 50):0.0} ms, "
            + $"detach p50 {Report.Percentile(controlDetach, 50):0.0} ms; the floor plus that is what the Linux driver could reach at best.");
        return
        [
            new Figure("attach one NIC, accept → successful, p50", Report.Percentile(attach, 50), Report.Percentile(floorAttach, 50), "ms", false, 1.5) { FloorLabel = "same ip commands" },
            new Figure("attach one NIC, p95", Report.Percentile(attach, 95), Report.Percentile(floorAttach, 95), "ms", false, 1.5) { FloorLabel = "same ip commands" },
            new Figure("detach one NIC, accept → successful, p50", Report.Percentile(detach, 50), Report.Percentile(floorDetach, 50), "ms", false, 1.5) { FloorLabel = "same ip commands" },
            new Figure("detach one NIC, p95", Report.Percentile(detach, 95), Report.Percentile(floorDetach, 95), "ms", false, 1.5) { FloorLabel = "same ip commands" },
            new Figure($"reconcile pass, {Servers} servers / {Nics:N0} NICs", passMs, passMs, "ms", false, null, 2000) { FloorLabel = "(no floor)" },
        ];
    }

    /// <summary>A server in one VxNet, and a NIC of another attached to it and detached again, <paramref name="runs"/> times.</summary>
    private static async Task<(string Server, List<double> Attach, List<double> Detach)> RoundTripsAsync(BenchDomain domain, string serverVxNet, string nicVxNet, int runs)
    {
        var context = domain.Context;
        var server = Ok(await domain.Get<RunInstances>().RunAsync(context, new RunInstances.Request("probe", [new NetworkChoice(serverVxNet)]))).ResourceIds[0];
        await domain.Jobs.RunAllPendingAsync();
        var nic = Ok(await domain.Get<RequestNics>().RunAsync(context, new RequestNics.Request(nicVxNet, "bench")))[0];
        var attach = new List<double>();
        var detach = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            attach.Add(await TimedAsync(async () => Ok(await domain.Get<AttachNics>().RunAsync(context, [nic.NicId], server)), domain));
            detach.Add(await TimedAsync(async () => Ok(await domain.Get<DetachNics>().RunAsync(context, [nic.NicId])), domain));
        }
        return (server, attach, detach);
    }

    /// <summary>The accept, then the job run to its end: what an operator waits for.</summary>
    private static async Task<double> TimedAsync(Func<Task> accept, BenchDomain domain)
    {
        var clock = Stopwatch.StartNew();
        await accept();
        await domain.Jobs.RunAllPendingAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The same pair made and removed with the driver's own commands, run bare: one link add, one batch, one delete.</summary>
    private static (List<double> Attach, List<double> Detach) Floor(string prefix, string server, string vxnet, int runs)
    {
        var (host, guest, bridge) = ($"{prefix}-h1", $"{prefix}-{server}", "br-" + vxnet["vxnet-".Length..]);
        var attach = new List<double>();
        var detach = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            Run("ip", "-n", host, "link", "add", "nic-floor001", "master", bridge, "type", "veth", "peer", "name", "eth9", "address", "52:54:ff:00:00:01", "netns", guest);
            Run("ip", ["-n", guest, "-batch", "-"], "addr replace 172.16.2.250/24 brd + dev eth9\nlink set eth9 up\n");
            attach.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            Run("ip", "-n", host, "link", "del", "nic-floor001");
            detach.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (attach, detach);
    }

    private static long KernelMemoryKiB()
    {
        var lines = File.ReadAllLines("/proc/meminfo").Select(l => l.Split(':')).ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        return lines["MemTotal"] - lines["MemAvailable"];
    }

    private static string Run(string file, params string[] arguments) => Run(file, arguments, null);

    private static string Run(string file, string[] arguments, string? input)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: exit {process.ExitCode}: {error}");
        }
        return output;
    }
}
