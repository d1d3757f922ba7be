using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;
using NicConsole.Domain.VxNets;
using static NicConsole.Domain.Services.Resources;
using static NicConsole.Domain.VxNets.Allocation;

namespace NicConsole.Domain.Nics;

public sealed class ModifyNic(UseCaseServices services) : UseCase(services)
{
    /// <summary>Change a NIC: name and description any time; VxNet and IP only while it is available.</summary>
    public sealed record Request(string NicId, string? Name = null, string? Description = null, string? PrivateIp = null, string? VxNetId = null);

    public Task<Result<string>> RunAsync(OperationContext context, Request request, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<string>(context, async db =>
        {
            if ((ZoneRefusal(context) ?? Names.Check(request.Name, request.Description)) is { } refusal)
            {
                return refusal;
            }
            var nic = await LoadOneAsync(db.Nics, MacAddress.KeyOf(request.NicId), DomainErrors.NicNotFound, context, cancellationToken);
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

    /// <summary>Moves an available NIC to another address, in its VxNet or another one.</summary>
    private async Task<Result<string>> ReaddressAsync(ConsoleDbContext db, OperationContext context, Nic nic, Request request, CancellationToken cancellationToken)
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
