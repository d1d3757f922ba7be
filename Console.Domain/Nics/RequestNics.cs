using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using NicConsole.Domain.VxNets;
using static NicConsole.Domain.Services.Resources;
using static NicConsole.Domain.VxNets.Allocation;

namespace NicConsole.Domain.Nics;

public sealed class RequestNics(UseCaseServices services) : UseCase(services)
{
    /// <summary>
    /// Request NICs in a VxNet: <see cref="Count"/> automatic addresses, or one NIC per given IP (count is then
    /// 1 or the number of IPs).
    /// </summary>
    public sealed record Request(string VxNetId, string Name = "", int Count = 1, IReadOnlyList<string>? PrivateIps = null);

    public Task<Result<IReadOnlyList<NicAddress>>> RunAsync(OperationContext context, Request request, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<IReadOnlyList<NicAddress>>(context, async db =>
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
}
