using NicConsole.Domain.DataPlane;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using NicConsole.Domain.VxNets;
using static NicConsole.Domain.Services.Resources;
using static NicConsole.Domain.VxNets.Allocation;

namespace NicConsole.Domain.Instances;

public sealed class RunInstances(UseCaseServices services) : UseCase(services)
{
    /// <summary>Launch servers: the first network is eth0 (primary), the others eth1, eth2, ...</summary>
    public sealed record Request(
        string Name,
        IReadOnlyList<NetworkChoice> Networks,
        int Count = 1,
        string ImageId = "",
        string InstanceType = "",
        int Cpu = 1,
        int Memory = 1024,
        string? Host = null);

    public Task<Result<Accepted>> RunAsync(OperationContext context, Request request, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Accepted>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? Names.Check(request.Name) ?? RequestCount.Refusal(request.Count, Limits.MaxServersPerRequest)) is { } refusal)
            {
                return refusal;
            }
            if (request.Networks.Count == 0)
            {
                return DomainErrors.Required("vxnets.1");
            }
            if (request.Networks.Count > Limits.NicsPerServer)
            {
                return DomainErrors.TooManyNetworks(request.Networks.Count);
            }
            if (request.Cpu < 1 || request.Memory < 1)
            {
                return DomainErrors.InvalidValue(request.Cpu < 1 ? "cpu" : "memory",
                    (request.Cpu < 1 ? request.Cpu : request.Memory).ToString(CultureInfo.InvariantCulture));
            }
            if ((Names.CheckLength("image_id", request.ImageId, Limits.ImageIdLength)
                ?? Names.CheckLength("instance_type", request.InstanceType, Limits.InstanceTypeLength)) is { } tooLong)
            {
                return tooLong;
            }
            if (request.Count > 1 && request.Networks.Any(n => !string.IsNullOrEmpty(n.PrivateIp)))
            {
                return DomainErrors.PinnedIpNeedsOneServer();
            }
            var pinnedHost = string.IsNullOrEmpty(request.Host) ? null : request.Host;
            if (pinnedHost is not null && context.AdminRefusal is { } notAdmin)
            {
                return notAdmin;
            }
            var vxNetIds = request.Networks.Select(n => n.VxNetId).Distinct().ToList();
            var vxnets = await LoadAsync(db.VxNets, vxNetIds, DomainErrors.VxNetNotFound, context, cancellationToken);
            if (!vxnets.Succeeded)
            {
                return vxnets.Error!;
            }
            if (TenantOf(vxnets.Value, context.Tenant).Error is { } foreign)
            {
                return foreign;
            }
            var byId = vxnets.Value.ToDictionary(x => x.Id);
            for (var i = 0; i < request.Networks.Count; i++)
            {
                var vxnet = byId[request.Networks[i].VxNetId];
                if ((i == 0 ? vxnet.PrimaryNicRefusal() : vxnet.NicRefusal()) is { } denied)
                {
                    return denied;
                }
            }
            var used = new Dictionary<string, HashSet<IpAddress>>();
            foreach (var vxnet in vxnets.Value)
            {
                used[vxnet.Id] = await UsedAddressesAsync(db, vxnet.Id, cancellationToken);
                var needed = request.Networks.Count(n => n.VxNetId == vxnet.Id) * request.Count;
                if (used[vxnet.Id].Count + needed > Limits.NicsPerVxNet)
                {
                    return DomainErrors.VxNetFull(vxnet.Id, used[vxnet.Id].Count, needed);
                }
                db.Bump(vxnet);
            }
            if (await Services.DataPlaneRefusalAsync(db, request.Networks.Count * request.Count, cancellationToken) is { } dataPlaneFull)
            {
                return dataPlaneFull;
            }
            var candidates = await (pinnedHost is null ? db.Hosts.Where(h => h.Zone == context.Zone) : db.Hosts.Where(h => h.Name == pinnedHost)).ToListAsync(cancellationToken);
            var hosts = Placement.Choose(await Placement.LoadsAsync(db, candidates, cancellationToken), context.Zone, pinnedHost, request.Count, request.Networks.Count);
            if (!hosts.Succeeded)
            {
                return hosts.Error!;
            }
            foreach (var host in hosts.Value.Distinct())
            {
                db.Bump(host);
            }
            var pinned = new Dictionary<int, IpAddress>();
            for (var i = 0; i < request.Networks.Count; i++)
            {
                if (request.Networks[i] is { PrivateIp: { Length: > 0 } text, VxNetId: var vxNetId })
                {
                    var ip = ParseAddresses([text]);
                    var address = ip.Succeeded ? Allocate(byId[vxNetId], used[vxNetId], ip.Value, 1) : ip;
                    if (!address.Succeeded)
                    {
                        return address.Error!;
                    }
                    pinned[i] = address.Value[0];
                }
            }
            var jobId = ResourceIds.NewJobId();
            var ids = new List<string>();
            var created = new List<Nic>();
            for (var s = 0; s < request.Count; s++)
            {
                var instance = new Instance(request.Name, request.ImageId, request.InstanceType, request.Cpu, request.Memory, context.Zone, hosts.Value[s].Name, context.User, context.Tenant, jobId, Now);
                db.Instances.Add(instance);
                ids.Add(instance.Id);
                for (var sequence = 0; sequence < request.Networks.Count; sequence++)
                {
                    var vxNetId = request.Networks[sequence].VxNetId;
                    var ip = pinned.TryGetValue(sequence, out var fixedIp) ? fixedIp : Allocate(byId[vxNetId], used[vxNetId], [], 1).Value[0];
                    created.Add(Nic.ForNewServer(sequence, vxNetId, ip, instance, jobId, Now));
                }
            }
            db.Nics.AddRange(created);
            var spec = DataPlaneSpec.Of(ids.Select(id => new ServerSpec(id, Running: true)), Specs.Nics(created, byId, _ => true));
            return AddJob(db, context, context.Tenant, jobId, JobAction.RunInstances, ids, new
            {
                instance_name = request.Name,
                count = request.Count,
                image_id = request.ImageId,
                instance_type = request.InstanceType,
                cpu = request.Cpu,
                memory = request.Memory,
                vxnets = request.Networks.Select(n => string.IsNullOrEmpty(n.PrivateIp) ? n.VxNetId : $"{n.VxNetId}|{n.PrivateIp}"),
            }, spec, created, withAddresses: true);
        }, cancellationToken);
}
