using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Options;

namespace NicConsole.Domain.DataPlane.Linux;

/// <summary>
/// The real data plane on one Linux machine: a namespace per server, a host namespace with a bridge per VxNet, a veth
/// pair per NIC, a router namespace per VPC (and one for vxnet-0) with the gateway on each of its VxNets. Every change
/// goes through <see cref="IIpRoute"/> and is logged as a command; nothing is made in the machine's own namespace.
/// A job's change takes the short way when it can (the commands alone, as a person would type them) and, if the kernel
/// is not as expected, reads it and works out the steps (<see cref="Plan"/>), twice at most; a reconcile pass always reads.
/// </summary>
public sealed partial class LinuxDataPlane : IDataPlane, IGuestProbe, IDataPlaneInventory
{
    public const string Name = "Linux";

    private static readonly TimeSpan GoneWithin = TimeSpan.FromSeconds(5);

    private readonly IIpRoute _ip;
    private readonly DataPlaneGate _gate;
    private readonly IOptionsMonitor<DataPlaneOptions> _options;
    private readonly ILogger _logger;
    private readonly LinuxNames _names;
    private readonly LinuxProbe _probe;

    public LinuxDataPlane(IIpRoute ip, LinuxProbe probe, DataPlaneGate gate, IOptionsMonitor<DataPlaneOptions> options, ILogger<LinuxDataPlane> logger)
    {
        _ip = ip;
        _probe = probe;
        _gate = gate;
        _options = options;
        _logger = logger;
        _names = new LinuxNames(options.CurrentValue.Prefix, options.CurrentValue.Host);
    }

    /// <summary>The driver after its probe; a probe that finds something missing stops here, naming it (never a silent fallback).</summary>
    /// <param name="probe">What the machine has; probed here when not given.</param>
    public static LinuxDataPlane Start(DataPlaneGate gate, IOptionsMonitor<DataPlaneOptions> options, ILoggerFactory loggers, LinuxProbe? probe = null)
    {
        probe ??= LinuxProbe.Run(options.CurrentValue.MaxNics);
        if (!probe.Ok)
        {
            throw new InvalidOperationException($"DataPlane:Driver={Name} cannot start: {probe.Summary}. Use DataPlane:Driver=Simulated on a machine without them.");
        }
        var logger = loggers.CreateLogger<LinuxDataPlane>();
        foreach (var warning in probe.Warnings)
        {
            logger.LogWarning("Data plane: {Warning}", warning);
        }
        var ip = new IpRoute(probe.IpPath!, options.CurrentValue.Timeout, loggers.CreateLogger<IpRoute>());
        return new LinuxDataPlane(ip, probe, gate, options, logger);
    }

    public string Driver => Name;

    /// <summary>iproute2's bridge(8), which alone writes a VXLAN device's forwarding entries.</summary>
    private static string Bridge { get; } = LinuxProbe.Find("bridge") ?? "bridge";

    public bool IsReal => true;

    public LinuxNames Names => _names;

    // IGuestProbe
    public bool Available => true;

    public string? Reason => null;

    public string Probe => _probe.Summary;

    public async Task ApplyAsync(DataPlaneWork work, CancellationToken cancellationToken)
    {
        using var _ = await _gate.EnterAsync(cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (ShortWay(work) is { Count: > 0 } steps)
        {
            try
            {
                await RunAsync(steps, cancellationToken);
                _logger.LogDebug("Job {Job} {Action}: {Steps} steps the short way in {Elapsed} ms", work.JobId, work.Action, steps.Count, (int)clock.ElapsedMilliseconds);
                return;
            }
            catch (IpRouteException ex)
            {
                _logger.LogInformation("Job {Job}: the kernel was not as expected ({Error}); reading it", work.JobId, ex.Error.Trim());
            }
        }
        for (var attempt = 1; ; attempt++)
        {
            var plan = await PlanAsync(work, cancellationToken);
            if (plan.Problems.Count > 0)
            {
                throw new DataPlaneException(string.Join("; ", plan.Problems.Select(p => p.Message)));
            }
            try
            {
                await RunAsync([.. plan.Steps], cancellationToken);
                break;
            }
            catch (IpRouteException ex) when (attempt == 1)
            {
                // Something changed under the plan (a link made or removed meanwhile): read again, once.
                _logger.LogInformation("Job {Job}: {Error}; reading the kernel again", work.JobId, ex.Message);
            }
        }
        if (work.Action == JobAction.TerminateInstances)
        {
            await UntilGoneAsync(work.Spec.Nics.Select(n => LinuxNames.HostEnd(n.Mac)), cancellationToken);
        }
        _logger.LogDebug("Job {Job} {Action}: read and planned, done in {Elapsed} ms", work.JobId, work.Action, (int)clock.ElapsedMilliseconds);
    }

    /// <summary>
    /// The commands alone, for the common jobs on a kernel that is as the database says: an attach makes each pair in
    /// place and sets it up; a detach deletes each host end; a start or stop sets the server's links. Anything else
    /// reads first, and so does any of these when a command fails (a link already there, or already gone).
    /// </summary>
    private List<Step>? ShortWay(DataPlaneWork work)
    {
        var nics = work.Spec.Nics;
        switch (work.Action)
        {
            case JobAction.AttachNics when nics.Count > 0:
                var steps = new List<Step>();
                foreach (var nic in nics)
                {
                    steps.Add(Commands.Pair(_names.Host, LinuxNames.HostEnd(nic.Mac), LinuxNames.Bridge(nic.VxNetId), _names.Server(nic.ServerId), nic.DeviceName, nic.Mac));
                    steps.Add(Commands.LinkUp(_names.Host, LinuxNames.HostEnd(nic.Mac), true));
                    steps.AddRange(Guest(nic));
                }
                // Host commands of all NICs in one request, then each server's in one.
                return [.. steps.Where(s => s.Space == _names.Host), .. steps.Where(s => s.Space != _names.Host)];
            case JobAction.DetachNics when nics.Count > 0:
                // The host ends go, and each takes its guest end with it.
                return nics.Select(n => new Step(_names.Host, $"link del {LinuxNames.HostEnd(n.Mac)}")).ToList();
            case JobAction.StartInstances or JobAction.StopInstances or JobAction.RestartInstances
                when nics.Count > 0 && work.Spec.Servers.All(s => nics.Any(n => n.ServerId == s.Id)):
                return nics.OrderBy(n => n.ServerId, StringComparer.Ordinal).ThenBy(n => n.Sequence)
                    .SelectMany(n => n.ServerRunning ? Guest(n).Skip(1) : [Commands.LinkUp(_names.Server(n.ServerId), n.DeviceName, false)])
                    .ToList();
            default:
                return null;
        }

        IEnumerable<Step> Guest(NicSpec nic)
        {
            var space = _names.Server(nic.ServerId);
            yield return Commands.Address(space, $"{nic.Address}/{nic.PrefixLength}", nic.DeviceName);
            yield return Commands.LinkUp(space, nic.DeviceName, nic.ServerRunning);
            if (nic is { Sequence: 0, Gateway: not null, ServerRunning: true })
            {
                yield return Commands.DefaultRoute(space, nic.Gateway, nic.DeviceName);
            }
        }
    }

    /// <summary>Reads what the job touches and plans the job's action on it.</summary>
    private async Task<Plan> PlanAsync(DataPlaneWork work, CancellationToken cancellationToken)
    {
        var spec = work.Spec;
        var spaces = spec.Servers.Select(s => s.Id).Concat(spec.Nics.Select(n => n.ServerId)).Select(_names.Server)
            .Concat(spec.Routers.Select(r => _names.Router(r.VpcId)));
        var plan = await ReadAsync(spaces, cancellationToken);
        switch (work.Action)
        {
            case JobAction.DetachNics:
                foreach (var nic in spec.Nics)
                {
                    plan.RemoveNic(nic.Mac, nic.ServerId);
                }
                break;
            case JobAction.TerminateInstances:
                foreach (var server in spec.Servers)
                {
                    plan.RemoveServer(server.Id, spec.Nics.Where(n => n.ServerId == server.Id).Select(n => n.Mac));
                }
                break;
            case JobAction.LeaveRouter:
                foreach (var router in spec.Routers)
                {
                    plan.RemoveLegs(router.VpcId, router.Legs);
                }
                break;
            case JobAction.DeleteRouters:
                foreach (var router in spec.Routers)
                {
                    plan.RemoveRouter(router);
                }
                break;
            default:
                plan.EnsureHost();
                foreach (var server in spec.Servers)
                {
                    plan.EnsureServer(server.Id);
                }
                foreach (var nic in spec.Nics)
                {
                    plan.EnsureNic(nic);
                }
                foreach (var router in spec.Routers)
                {
                    plan.EnsureRouter(router);
                }
                break;
        }
        return plan;
    }

    public async Task<ReconcileReport> ReconcileAsync(DataPlaneSpec desired, BusyResources busy, bool apply, CancellationToken cancellationToken)
    {
        var spaces = desired.Servers.Where(s => !busy.Servers.Contains(s.Id)).Select(s => _names.Server(s.Id))
            .Concat(desired.Routers.Where(r => !busy.Routers.Contains(r.VpcId)).Select(r => _names.Router(r.VpcId)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plan = await ReadAsync(spaces, cancellationToken);
        var read = clock.Elapsed;
        plan.Reconcile(desired, busy);
        _logger.LogDebug("Reconcile: read the kernel in {Read} ms, planned {Steps} steps in {Plan} ms",
            (int)read.TotalMilliseconds, plan.Units.Sum(u => u.Steps.Count), (int)(clock.Elapsed - read).TotalMilliseconds);
        var errors = plan.Problems.Select(p => p.Message).ToList();
        var drifted = plan.Units.Select(u => u.Server).Concat(plan.Problems.Select(p => p.Server)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (!apply)
        {
            return new ReconcileReport(plan.Steps.Select(s => s.ToString()).ToList(), errors, drifted);
        }
        var changes = new List<string>();
        var failed = plan.Problems.Select(p => p.Server).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var unit in plan.Units)
        {
            try
            {
                await RunAsync(unit.Steps, cancellationToken);
                changes.AddRange(unit.Steps.Select(s => s.ToString()));
            }
            catch (IpRouteException ex)
            {
                errors.Add($"{unit.What}: {ex.Message}");
                if (unit.Server is not null)
                {
                    failed.Add(unit.Server);
                }
            }
        }
        return new ReconcileReport(changes, errors, failed);
    }

    /// <summary>A plan over what the kernel has now: our namespaces, the host's links, and the links and routes of <paramref name="spaces"/> that exist.</summary>
    private async Task<Plan> ReadAsync(IEnumerable<string> spaces, CancellationToken cancellationToken)
    {
        var namespaces = await NamespacesAsync(cancellationToken);
        var read = spaces.Append(_names.Host).Where(namespaces.Contains).Distinct().ToList();
        var states = new KernelSpace[read.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, read.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, token) => states[i] = KernelSpace.Parse(read[i], await _ip.ShowAsync(read[i], KernelSpace.Show, token)));
        // Across hosts: each VXLAN device's forwarding entries (bridge(8), the fdb's own tool).
        foreach (var host in states.Where(s => s.Name == _names.Host))
        {
            foreach (var vxlan in host.Links.Values.Where(l => l.Kind == "vxlan"))
            {
                var fdb = await _ip.ExecAsync(host.Name, [Bridge, "-json", "fdb", "show", "dev", vxlan.Name], cancellationToken);
                if (fdb.ExitCode != 0)
                {
                    throw new IpRouteException($"ip netns exec {host.Name} bridge -json fdb show dev {vxlan.Name}", fdb.ExitCode, fdb.Error);
                }
                host.Fdb[vxlan.Name] = KernelSpace.ParseFdb(fdb.Output);
            }
        }
        return new Plan(_names, _options.CurrentValue.MaxNics, namespaces, states, _options.CurrentValue.UnderlayDevice);
    }

    /// <summary>The namespaces with our prefix.</summary>
    private async Task<HashSet<string>> NamespacesAsync(CancellationToken cancellationToken)
    {
        var list = await _ip.ShowAsync(null, ["netns list"], cancellationToken);
        return list[0].EnumerateArray().Select(n => n.Str("name")).OfType<string>()
            .Where(n => n.StartsWith(_names.Prefix + "-", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether a named namespace exists: <c>ip netns add</c> mounts each under /var/run/netns.</summary>
    private static bool Exists(string space) => File.Exists(System.IO.Path.Combine("/var/run/netns", space));

    /// <summary>Runs steps in order, one request for each run of steps in the same namespace.</summary>
    private async Task RunAsync(IReadOnlyList<Step> steps, CancellationToken cancellationToken)
    {
        for (var i = 0; i < steps.Count;)
        {
            var step = steps[i];
            if (step.Exec)
            {
                _logger.LogInformation("{Command}", step.ToString());
                var words = step.Command.Split(' ');
                if (words[0] == "bridge")
                {
                    words[0] = Bridge;
                }
                var result = await _ip.ExecAsync(step.Space!, words, cancellationToken);
                if (result.ExitCode != 0)
                {
                    throw new IpRouteException(step.ToString(), result.ExitCode, result.Error);
                }
                i++;
                continue;
            }
            var batch = steps.Skip(i).TakeWhile(s => !s.Exec && s.Space == step.Space).Select(s => s.Command).ToList();
            await _ip.ChangeAsync(step.Space, batch, cancellationToken);
            i += batch.Count;
        }
    }

    /// <summary>Waits, bounded, until none of <paramref name="hostEnds"/> is left in the host (a deleted namespace takes its links with it, a little later).</summary>
    private async Task UntilGoneAsync(IEnumerable<string> hostEnds, CancellationToken cancellationToken)
    {
        var names = hostEnds.ToHashSet(StringComparer.Ordinal);
        if (names.Count == 0 || !(await NamespacesAsync(cancellationToken)).Contains(_names.Host))
        {
            return;
        }
        var until = DateTime.UtcNow + GoneWithin;
        while (true)
        {
            var host = KernelSpace.Parse(_names.Host, await _ip.ShowAsync(_names.Host, ["link show"], cancellationToken));
            var left = host.Links.Keys.Where(names.Contains).ToList();
            if (left.Count == 0)
            {
                return;
            }
            if (DateTime.UtcNow > until)
            {
                throw new DataPlaneException($"{string.Join(", ", left)} still in {_names.Host} {GoneWithin.TotalSeconds:0} s after the server's namespace was deleted");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task<GuestKernelState?> ReadAsync(string serverId, CancellationToken cancellationToken)
    {
        var space = _names.Server(serverId);
        if (!Exists(space))
        {
            return null;
        }
        return KernelSpace.Parse(space, await _ip.ShowAsync(space, [KernelSpace.AddressesAndRoutes, KernelSpace.Routes], cancellationToken)).ToGuest();
    }

    public async Task<PingResult> PingAsync(string serverId, string target, CancellationToken cancellationToken)
    {
        var space = _names.Server(serverId);
        if (!Exists(space))
        {
            throw new DataPlaneException($"{serverId} has no namespace ({space}): the reconciler has not made it yet");
        }
        if (_probe.PingPath is null)
        {
            throw new DataPlaneException("ping is not installed (apt-get install iputils-ping)");
        }
        var result = await _ip.ExecAsync(space, [_probe.PingPath, "-n", "-c", "3", "-W", "1", target], cancellationToken);
        return ParsePing(target, result.Output + (result.ExitCode > 1 ? result.Error : ""));
    }

    /// <summary>What <c>ping</c> printed, and its summary lines read.</summary>
    public static PingResult ParsePing(string target, string output)
    {
        var counts = PingCounts().Match(output);
        var rtt = PingRtt().Match(output);
        return new PingResult(target, output,
            counts.Success ? int.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            counts.Success ? int.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture) : 0,
            rtt.Success ? double.Parse(rtt.Groups[1].Value, CultureInfo.InvariantCulture) : null);
    }

    [GeneratedRegex(@"(\d+) packets transmitted, (\d+) received")]
    private static partial Regex PingCounts();

    [GeneratedRegex(@"= [\d.]+/([\d.]+)/")]
    private static partial Regex PingRtt();

    public async Task<DataPlaneInventory> ListAsync(CancellationToken cancellationToken)
    {
        var namespaces = await NamespacesAsync(cancellationToken);
        if (!namespaces.Contains(_names.Host))
        {
            return new DataPlaneInventory([.. namespaces.Order()], [], []);
        }
        var host = KernelSpace.Parse(_names.Host, await _ip.ShowAsync(_names.Host, ["link show"], cancellationToken));
        return new DataPlaneInventory([.. namespaces.Order()],
            [.. host.Links.Values.Where(l => l.Kind == "bridge").Select(l => l.Name).Order()],
            [.. host.Links.Keys.Where(n => n.StartsWith("nic-", StringComparison.Ordinal)).Order()]);
    }

    public async Task<IReadOnlyList<string>> PurgeAsync(CancellationToken cancellationToken)
    {
        using var _ = await _gate.EnterAsync(cancellationToken);
        var namespaces = await NamespacesAsync(cancellationToken);
        // Servers and routers first, the host last, so their links go with their own namespaces.
        var steps = namespaces.OrderBy(n => n == _names.Host).ThenBy(n => n, StringComparer.Ordinal).Select(n => new Step(null, $"netns del {n}")).ToList();
        await RunAsync(steps, cancellationToken);
        return steps.Select(s => s.ToString()).ToList();
    }
}
