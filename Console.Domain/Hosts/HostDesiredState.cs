using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Options;
using NicConsole.Domain.Vpcs;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// What one host's agent makes real: its servers and their NICs as every job in flight will leave them (a NIC being
/// detached or a server being terminated is no longer wanted; one being attached or launched is), and for each VxNet
/// present on the host its VNI, the MACs of that VxNet on other hosts with their hosts' underlay addresses (forwarding
/// entries) and those hosts' addresses (flood entries). <see cref="ETag"/> changes exactly when the state does.
/// </summary>
/// <remarks>The router host (<see cref="HostDirectory.RouterHost"/>: <see cref="HostsOptions.RouterHost"/>, or another while it is offline) also gets every VPC's router, and the VxNets of their legs; every other host a forwarding entry to each gateway it needs there.</remarks>
public sealed record HostDesiredState(string Host, string Underlay, IReadOnlyList<ServerSpec> Servers, IReadOnlyList<NicSpec> Nics, IReadOnlyList<VxNetFabric> VxNets,
    IReadOnlyList<RouterSpec>? Routers = null)
{
    /// <summary>What the host's data plane is given: its servers, NICs and routers, and the VXLAN fabric of its VxNets.</summary>
    public DataPlaneSpec ToSpec() => DataPlaneSpec.Of(Servers, Nics, Routers) with { Fabrics = VxNets, Underlay = Underlay };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [JsonIgnore]
    public string ETag => Serialized().ETag;

    /// <summary>The state as its agent gets it, and its ETag (a hash of exactly those bytes): serialized once for both.</summary>
    public (byte[] Json, string ETag) Serialized()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this, Json);
        return (json, "\"" + Convert.ToHexStringLower(SHA256.HashData(json))[..32] + "\"");
    }

    /// <summary>The VxNets this state names: a change in any of them may change it.</summary>
    [JsonIgnore]
    public IEnumerable<string> VxNetIds => VxNets.Select(v => v.VxNetId);
}


/// <summary>
/// Reads <see cref="HostDesiredState"/>: the host's servers and NICs (two indexed queries), its VxNets with where their
/// NICs are (<see cref="VxNetPresence"/>), and the hosts' underlay addresses. What a job waits for is read now from the
/// database; what an agent is served takes its VxNets and the hosts as the last change heard left them, so a change to a
/// VxNet that wakes the agents of all the hosts it spans reads that VxNet once for all of them.
/// </summary>
public sealed class HostStates(IDbContextFactory<ConsoleDbContext> factory, IOptionsMonitor<HostsOptions> options, VxNetPresence presence, HostDirectory directory)
{
    /// <summary>The host's desired state, read now.</summary>
    public Task<HostDesiredState> ForHostAsync(string host, CancellationToken cancellationToken) => ReadAsync(host, now: true, cancellationToken);

    /// <summary>The host's desired state for its agent: the same as <see cref="ForHostAsync"/> once this node has heard every committed change.</summary>
    public Task<HostDesiredState> ServeAsync(string host, CancellationToken cancellationToken) => ReadAsync(host, now: false, cancellationToken);

    private async Task<HostDesiredState> ReadAsync(string host, bool now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        string routerHost;
        IReadOnlyDictionary<string, string> underlays;
        if (now)
        {
            // The host and the configured router host; every online host only while that one is offline (to pick a stand-in).
            var configured = options.CurrentValue.RouterHost;
            var hosts = await db.Hosts.AsNoTracking().Where(h => h.Name == host || h.Name == configured)
                .Select(h => new { h.Name, h.Online, h.Underlay }).ToListAsync(cancellationToken);
            if (hosts.Any(h => h.Name == configured && !h.Online))
            {
                hosts = await db.Hosts.AsNoTracking().Where(h => h.Online || h.Name == host || h.Name == configured)
                    .Select(h => new { h.Name, h.Online, h.Underlay }).ToListAsync(cancellationToken);
            }
            routerHost = HostDirectory.RouterHost(configured, hosts.ToDictionary(h => h.Name, h => h.Online, StringComparer.Ordinal));
            underlays = hosts.ToDictionary(h => h.Name, h => h.Underlay, StringComparer.Ordinal);
        }
        else
        {
            routerHost = await directory.RouterHostAsync(cancellationToken);
            underlays = await directory.UnderlaysAsync(cancellationToken);
        }
        var servers = await db.Instances.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.HostId == host && i.Status != InstanceStatus.Terminated && i.Transition != Transition.Terminating)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Status, i.Transition })
            .ToListAsync(cancellationToken);
        var running = servers.Where(s => Runs(s.Status, s.Transition)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var ids = servers.Select(s => s.Id).ToList();
        var nics = ids.Count == 0 ? [] : await db.Nics.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.Transition != Transition.Detaching)
            .WhereIn(n => n.InstanceId!, ids)
            .ToListAsync(cancellationToken);
        List<RouterSpec> routers = [];
        if (host == routerHost)
        {
            var routed = await db.VxNets.IgnoreQueryFilters().AsNoTracking().Where(x => x.Subnet != null).ToDictionaryAsync(x => x.Id, cancellationToken);
            var vpcs = await db.Vpcs.IgnoreQueryFilters().Where(v => v.Status == VpcStatus.Active || v.Status == VpcStatus.Pending).Select(v => v.Id).ToListAsync(cancellationToken);
            routers = Specs.Routers(vpcs.Order(StringComparer.Ordinal), routed);
        }
        var vxNetIds = nics.Select(n => n.VxNetId).Concat(routers.SelectMany(r => r.Legs).Select(l => l.VxNetId))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var present = now ? await presence.ReadAsync(vxNetIds, cancellationToken) : await presence.KnownAsync(vxNetIds, cancellationToken);
        var vxnets = present.ToDictionary(p => p.Key, p => p.Value.VxNet, StringComparer.Ordinal);
        // Elsewhere, each VxNet with a gateway reaches it on the router host.
        var gatewayAt = host == routerHost ? null : underlays.GetValueOrDefault(routerHost);
        bool Routed(VxNets.VxNet x) => x.Gateway is not null && (x.VpcId is not null || x.Id == ResourceIds.BasicVxNet);
        return new HostDesiredState(
            host,
            underlays.GetValueOrDefault(host) ?? "",
            servers.Select(s => new ServerSpec(s.Id, running.Contains(s.Id))).ToList(),
            Specs.Nics(nics, vxnets, running.Contains).OrderBy(n => n.ServerId, StringComparer.Ordinal).ThenBy(n => n.Sequence).ToList(),
            vxNetIds.Where(present.ContainsKey).Select(id =>
            {
                var vxnet = present[id].VxNet;
                var gateway = gatewayAt is not null && Routed(vxnet) ? new RemoteMac(RouterLeg.MacOf(vxnet.Vni), gatewayAt) : null;
                // Served, a host's address is the directory's (read again each minute and on any host change heard), not
                // the one kept with the VxNet: a change of address made by another process reaches agents within a minute.
                var remoteMacs = present[id].Macs.Where(m => m.Host != host).Select(m => new RemoteMac(m.Mac, underlays.GetValueOrDefault(m.Host, m.Underlay)))
                    .Concat(gateway is null ? [] : [gateway]).ToList();
                return new VxNetFabric(id, vxnet.Vni,
                    remoteMacs.OrderBy(r => r.Mac, StringComparer.Ordinal).ToList(),
                    remoteMacs.Select(r => r.Underlay).Distinct().Order(StringComparer.Ordinal).ToList());
            }).ToList(),
            routers);
    }

    /// <summary>Whether a server's links are up once its job (if any) is done.</summary>
    private static bool Runs(InstanceStatus status, Transition transition) => transition switch
    {
        Transition.Creating or Transition.Starting or Transition.Restarting => true,
        Transition.Stopping => false,
        _ => status == InstanceStatus.Running,
    };
}
