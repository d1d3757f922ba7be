using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Hosts;

/// <summary>A NIC of a VxNet where it is: its MAC on a server of <paramref name="Host"/>, whose underlay address is <paramref name="Underlay"/>.</summary>
public sealed record PlacedMac(string Mac, string Host, string Underlay);

/// <summary>A VxNet and every NIC of it that a host's data plane wants (not being detached, on a server not terminating).</summary>
public sealed record VxNetOnHosts(VxNet VxNet, IReadOnlyList<PlacedMac> Macs);

/// <summary>
/// Where each VxNet is: the part of every host's desired state that is the same for all the hosts the VxNet spans. One
/// read of a VxNet serves them all: when a change to a VxNet spanning 250 hosts wakes their 250 agents, the first to ask
/// reads it and the others wait for that read, instead of each joining the VxNet's NICs to their servers and hosts
/// again. It forgets what a change may have altered as the feed tells it, before <see cref="HostStateSignals"/> (which
/// subscribes after it) wakes any agent, so a woken agent never gets what was there before the change.
/// </summary>
public sealed class VxNetPresence : IDisposable
{
    private readonly ConcurrentDictionary<string, Task<VxNetOnHosts?>> _known = new(StringComparer.Ordinal);
    private readonly IDbContextFactory<ConsoleDbContext> _factory;
    private readonly IDisposable _heard;

    public VxNetPresence(IDbContextFactory<ConsoleDbContext> factory, IChangeFeed feed)
    {
        _factory = factory;
        _heard = feed.Subscribe(Forget);
    }

    /// <summary>
    /// Each of <paramref name="vxnetIds"/> that exists, as the last change heard left it: the VxNets not known are read
    /// together, once, whoever else asks for them meanwhile.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, VxNetOnHosts>> KnownAsync(IEnumerable<string> vxnetIds, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, Task<VxNetOnHosts?>>(StringComparer.Ordinal);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = new List<string>();
        Task<IReadOnlyDictionary<string, VxNetOnHosts>>? read = null;
        foreach (var id in vxnetIds)
        {
            // An entry is in the map before its read starts (the read waits for the gate): a change forgetting it from
            // then on leaves the next caller to read again, never to keep what was read before the change.
            entries[id] = _known.GetOrAdd(id, key =>
            {
                mine.Add(key);
                read ??= ReadAfterAsync(gate.Task, mine);
                return PartAsync(read, key);
            });
        }
        gate.SetResult();
        var found = new Dictionary<string, VxNetOnHosts>(StringComparer.Ordinal);
        foreach (var (id, entry) in entries)
        {
            try
            {
                // The read is shared: one caller giving up does not cancel it for the others.
                if (await entry.WaitAsync(cancellationToken) is { } vxnet)
                {
                    found[id] = vxnet;
                }
            }
            catch (Exception) when (entry.IsFaulted)
            {
                _known.TryRemove(new KeyValuePair<string, Task<VxNetOnHosts?>>(id, entry));
                throw;
            }
        }
        return found;
    }

    /// <summary>Each of <paramref name="vxnetIds"/> that exists, read now: three queries, whatever their number.</summary>
    public async Task<IReadOnlyDictionary<string, VxNetOnHosts>> ReadAsync(IReadOnlyCollection<string> vxnetIds, CancellationToken cancellationToken)
    {
        if (vxnetIds.Count == 0)
        {
            return new Dictionary<string, VxNetOnHosts>();
        }
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var vxnets = await db.VxNets.IgnoreQueryFilters().AsNoTracking().WhereIn(x => x.Id, vxnetIds).ToListAsync(cancellationToken);
        var macs = await (
            from n in db.Nics.IgnoreQueryFilters().WhereIn(n => n.VxNetId, vxnetIds)
            where n.Transition != Transition.Detaching
            join i in db.Instances.IgnoreQueryFilters() on n.InstanceId equals i.Id
            where i.Status != InstanceStatus.Terminated && i.Transition != Transition.Terminating
            join h in db.Hosts on i.HostId equals h.Name
            select new { n.VxNetId, Mac = new PlacedMac(n.Id, h.Name, h.Underlay) }).AsNoTracking().ToListAsync(cancellationToken);
        var byVxNet = macs.ToLookup(m => m.VxNetId, m => m.Mac);
        return vxnets.ToDictionary(x => x.Id, x => new VxNetOnHosts(x, byVxNet[x.Id].ToList()), StringComparer.Ordinal);
    }

    /// <summary>Forgets what <paramref name="changes"/> may have altered: the VxNets of every NIC touched and every VxNet touched; all of them after a change to a server or a host, or one that does not say what it touched.</summary>
    public void Forget(IReadOnlyList<ResourceChange> changes)
    {
        if (_known.IsEmpty)
        {
            return;
        }
        if (changes.Any(c => c.Touched is null || c.Touched.Any(t => t.Kind is ResourceKinds.Host or ResourceKinds.Instance)))
        {
            _known.Clear();
            return;
        }
        foreach (var touched in changes.SelectMany(c => c.Touched!))
        {
            switch (touched.Kind)
            {
                case ResourceKinds.Nic:
                    // A NIC's containers are its VxNet (before and after a move) and its server.
                    foreach (var container in touched.In)
                    {
                        _known.TryRemove(container, out _);
                    }
                    break;
                case ResourceKinds.VxNet:
                    _known.TryRemove(touched.Id, out _);
                    break;
            }
        }
    }

    public void Dispose() => _heard.Dispose();

    private async Task<IReadOnlyDictionary<string, VxNetOnHosts>> ReadAfterAsync(Task gate, IReadOnlyCollection<string> vxnetIds)
    {
        await gate;
        return await ReadAsync(vxnetIds, CancellationToken.None);
    }

    private static async Task<VxNetOnHosts?> PartAsync(Task<IReadOnlyDictionary<string, VxNetOnHosts>> read, string vxnetId) =>
        (await read).GetValueOrDefault(vxnetId);
}
