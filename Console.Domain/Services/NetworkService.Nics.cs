using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Services;

public sealed partial class NetworkService
{
    public Task<Result<IReadOnlyList<NicAddress>>> RequestNicsAsync(OperationContext context, RequestNics request, CancellationToken cancellationToken = default) =>
        changes.RunAsync<IReadOnlyList<NicAddress>>(context, async db =>
        {
            var given = request.PrivateIps?.Where(ip => !string.IsNullOrEmpty(ip)).ToList() ?? [];
            var count = given.Count > 0 && request.Count == 1 ? given.Count : request.Count;
            if ((ZoneRefusal(context) ?? Names.Check(request.Name) ?? RequestCount.Refusal(count, Limits.NicsPerVxNet)) is { } refusal)
            {
                return refusal;
            }
            if (given.Count > 0 && given.Count != count)
            {
                return DomainErrors.IpCountMismatch(given.Count, request.Count);
            }
            var ips = ParseAddresses(given);
            if (!ips.Succeeded)
            {
                return ips.Error!;
            }
            var vxnet = await LoadOneAsync(db.VxNets, request.VxNetId, DomainErrors.VxNetNotFound, context, cancellationToken);
            if (!vxnet.Succeeded)
            {
                return vxnet.Error!;
            }
            if ((vxnet.Value.NicRefusal() ?? TenantOf([vxnet.Value], context.Tenant).Error) is { } denied)
            {
                return denied;
            }
            var used = await UsedAddressesAsync(db, vxnet.Value.Id, cancellationToken);
            var addresses = Allocate(vxnet.Value, used, ips.Value, count);
            if (!addresses.Succeeded)
            {
                return addresses.Error!;
            }
            var nics = addresses.Value.Select(ip => Nic.Secondary(request.Name, vxnet.Value.Id, ip, context.Zone, context.User, context.Tenant, Now)).ToList();
            db.Nics.AddRange(nics);
            db.Bump(vxnet.Value);
            Log(db, context, context.Tenant, "CreateNics", nics.Select(n => n.Id).Prepend(vxnet.Value.Id), OperationResult.Succeeded,
                string.Join(' ', nics.Select(n => $"{n.Id}={n.PrivateIp}")));
            return nics.Select(n => new NicAddress(n.Id, n.PrivateIp)).ToList();
        }, cancellationToken);

    public Task<Result<string>> ModifyNicAsync(OperationContext context, ModifyNic request, CancellationToken cancellationToken = default) =>
        changes.RunAsync<string>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? Names.Check(request.Name, request.Description)) is { } refusal)
            {
                return refusal;
            }
            var nic = await LoadOneAsync(db.Nics, NicKey(request.NicId), DomainErrors.NicNotFound, context, cancellationToken);
            if (!nic.Succeeded)
            {
                return nic.Error!;
            }
            var details = new List<string>();
            if (!string.IsNullOrEmpty(request.PrivateIp) || !string.IsNullOrEmpty(request.VxNetId))
            {
                var moved = await ReaddressAsync(db, context, nic.Value, request, cancellationToken);
                if (!moved.Succeeded)
                {
                    return moved.Error!;
                }
                details.Add(moved.Value);
            }
            nic.Value.Modify(request.Name, request.Description);
            details.Add(Changed(request.Name, request.Description));
            Log(db, context, nic.Value.Tenant, "ModifyNicAttributes", [nic.Value.Id], OperationResult.Succeeded, string.Join("; ", details.Where(d => d.Length > 0)));
            return nic.Value.Id;
        }, cancellationToken);

    public Task<Result<Accepted>> AttachNicsAsync(OperationContext context, IReadOnlyList<string> nicIds, string instanceId, CancellationToken cancellationToken = default) =>
        changes.RunAsync<Accepted>(context, async db =>
        {
            var keys = nicIds.Select(NicKey).ToList();
            if ((ZoneRefusal(context) ?? IdsRefusal(keys, "nics")) is { } refusal)
            {
                return refusal;
            }
            var instance = await LoadOneAsync(db.Instances, instanceId, DomainErrors.InstanceNotFound, context, cancellationToken);
            if (!instance.Succeeded)
            {
                return instance.Error!;
            }
            if (instance.Value.AttachRefusal() is { } notRunning)
            {
                return notRunning;
            }
            var nics = await LoadNicsAsync(db, context, keys, n => n.AttachRefusal(), cancellationToken);
            if (!nics.Succeeded)
            {
                return nics.Error!;
            }
            var tenant = TenantOf(nics.Value, instance.Value.Tenant);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            var taken = await db.Nics.IgnoreQueryFilters().Where(n => n.InstanceId == instanceId).Select(n => n.Sequence!.Value).ToListAsync(cancellationToken);
            if (InstanceRules.CapacityRefusal(instanceId, taken.Count, keys.Count) is { } full)
            {
                return full;
            }
            var sequences = Enumerable.Range(1, Limits.MaxSequence).Except(taken).Take(keys.Count).ToList();
            var jobId = ResourceIds.NewJobId();
            for (var i = 0; i < keys.Count; i++)
            {
                nics.Value[i].AttachTo(instanceId, sequences[i], jobId, Now);
            }
            db.Bump(instance.Value);
            return AddJob(db, context, tenant.Value, jobId, JobAction.AttachNics, [.. keys, instanceId], new { nics = keys, instance = instanceId }, nics.Value);
        }, cancellationToken);

    public Task<Result<Accepted>> DetachNicsAsync(OperationContext context, IReadOnlyList<string> nicIds, CancellationToken cancellationToken = default) =>
        changes.RunAsync<Accepted>(context, async db =>
        {
            var keys = nicIds.Select(NicKey).ToList();
            var nics = await LoadNicsAsync(db, context, keys, n => n.DetachRefusal(), cancellationToken);
            if (!nics.Succeeded)
            {
                return nics.Error!;
            }
            var tenant = TenantOf(nics.Value);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            var instanceIds = nics.Value.Select(n => n.InstanceId!).Distinct().ToList();
            var instances = await db.Instances.IgnoreQueryFilters().Where(i => instanceIds.Contains(i.Id)).ToListAsync(cancellationToken);
            if (instances.Select(i => i.DetachRefusal()).FirstOrDefault(e => e is not null) is { } busy)
            {
                return busy;
            }
            var jobId = ResourceIds.NewJobId();
            nics.Value.ForEach(n => n.Detach(jobId, Now));
            instances.ForEach(i => db.Bump(i));
            return AddJob(db, context, tenant.Value, jobId, JobAction.DetachNics, [.. keys, .. instanceIds], new { nics = keys }, nics.Value);
        }, cancellationToken);

    public Task<Result<IReadOnlyList<string>>> DeleteNicsAsync(OperationContext context, IReadOnlyList<string> nicIds, CancellationToken cancellationToken = default) =>
        changes.RunAsync<IReadOnlyList<string>>(context, async db =>
        {
            var keys = nicIds.Select(NicKey).ToList();
            var nics = await LoadNicsAsync(db, context, keys, n => n.DeleteRefusal(), cancellationToken);
            if (!nics.Succeeded)
            {
                return nics.Error!;
            }
            var tenant = TenantOf(nics.Value);
            if (!tenant.Succeeded)
            {
                return tenant.Error!;
            }
            var vxNetIds = nics.Value.Select(n => n.VxNetId).Distinct().ToList();
            var vxnets = await db.VxNets.IgnoreQueryFilters().Where(x => vxNetIds.Contains(x.Id)).ToListAsync(cancellationToken);
            db.Nics.RemoveRange(nics.Value);
            vxnets.ForEach(x => db.Bump(x));
            Log(db, context, tenant.Value, "DeleteNics", keys, OperationResult.Succeeded, string.Join(' ', nics.Value.Select(n => $"{n.Id}={n.PrivateIp}")));
            return keys;
        }, cancellationToken);

    /// <summary>
    /// The NICs of a multi-NIC request, all or none: refused on the first NIC (in request order) that is
    /// unknown, in another zone, or in a state that <paramref name="refusal"/> rejects.
    /// </summary>
    private async Task<Result<List<Nic>>> LoadNicsAsync(
        ConsoleDbContext db, OperationContext context, IReadOnlyList<string> keys, Func<Nic, DomainError?> refusal, CancellationToken cancellationToken)
    {
        if ((ZoneRefusal(context) ?? IdsRefusal(keys, "nics")) is { } invalid)
        {
            return invalid;
        }
        var nics = await LoadAsync(db.Nics, keys, DomainErrors.NicNotFound, context, cancellationToken);
        if (!nics.Succeeded)
        {
            return nics;
        }
        return nics.Value.Select(refusal).FirstOrDefault(e => e is not null) is { } denied ? denied : nics;
    }

    /// <summary>NIC ids are MACs, matched case-insensitively; they are stored in lower case.</summary>
    private static string NicKey(string id) => MacAddress.TryParse(id, out var mac) ? mac.Value : id;

    private static Result<IReadOnlyList<IpAddress>> ParseAddresses(IReadOnlyList<string> texts)
    {
        var addresses = new List<IpAddress>(texts.Count);
        foreach (var text in texts)
        {
            if (!IpAddress.TryParse(text, out var ip))
            {
                return DomainErrors.InvalidIp(text);
            }
            if (addresses.Contains(ip))
            {
                return DomainErrors.IpRepeated(ip);
            }
            addresses.Add(ip);
        }
        return addresses;
    }

    /// <summary>
    /// The addresses for <paramref name="count"/> new NICs in a VxNet: the given ones if each is assignable and
    /// free, else the lowest free ones. Refused whole when the VxNet would pass 252 NICs.
    /// </summary>
    private static Result<IReadOnlyList<IpAddress>> Allocate(VxNet vxnet, HashSet<IpAddress> used, IReadOnlyList<IpAddress> given, int count)
    {
        if (used.Count + count > Limits.NicsPerVxNet)
        {
            return DomainErrors.VxNetFull(vxnet.Id, used.Count, count);
        }
        var plan = vxnet.Plan ?? throw new DomainException($"VxNet {vxnet.Id} has no address plan.");
        if (given.Count == 0)
        {
            var free = plan.LowestFree(used, count);
            used.UnionWith(free);
            return Result<IReadOnlyList<IpAddress>>.Success(free);
        }
        foreach (var ip in given)
        {
            if (plan.Refusal(ip, vxnet.Id, used) is { } refusal)
            {
                return refusal;
            }
        }
        used.UnionWith(given);
        return Result<IReadOnlyList<IpAddress>>.Success(given);
    }

    /// <summary>Moves an available NIC to another address, in its VxNet or another one.</summary>
    private async Task<Result<string>> ReaddressAsync(ConsoleDbContext db, OperationContext context, Nic nic, ModifyNic request, CancellationToken cancellationToken)
    {
        if (nic.ReaddressRefusal() is { } refusal)
        {
            return refusal;
        }
        IpAddress? wanted = null;
        if (!string.IsNullOrEmpty(request.PrivateIp))
        {
            if (!IpAddress.TryParse(request.PrivateIp, out var ip))
            {
                return DomainErrors.InvalidIp(request.PrivateIp);
            }
            wanted = ip;
        }
        var target = await LoadOneAsync(db.VxNets, string.IsNullOrEmpty(request.VxNetId) ? nic.VxNetId : request.VxNetId,
            DomainErrors.VxNetNotFound, context, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Error!;
        }
        if ((target.Value.NicRefusal() ?? TenantOf([target.Value], nic.Tenant).Error) is { } denied)
        {
            return denied;
        }
        var used = await UsedAddressesAsync(db, target.Value.Id, cancellationToken);
        if (target.Value.Id == nic.VxNetId)
        {
            // Naming its own VxNet without an address, or its own address, moves nothing.
            if (wanted is null || wanted == nic.PrivateIp)
            {
                return "";
            }
            used.Remove(nic.PrivateIp);
        }
        var address = Allocate(target.Value, used, wanted is { } w ? [w] : [], 1);
        if (!address.Succeeded)
        {
            return address.Error!;
        }
        var before = $"{nic.VxNetId}/{nic.PrivateIp}";
        nic.Readdress(target.Value.Id, address.Value[0], Now);
        db.Bump(target.Value);
        return $"private_ip {before} -> {nic.VxNetId}/{nic.PrivateIp}";
    }
}
