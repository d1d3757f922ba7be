using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Instances;

/// <summary>
/// 连通性检查: pings an address of a server's own networks from the server's namespace (for a NIC, from the server it
/// is attached to). It changes nothing, but runs a command on a host, so a Viewer is refused as for a change; it needs a
/// data plane that can be probed, and a running server.
/// </summary>
public sealed class CheckConnectivity(UseCaseServices services, IGuestProbe probe, Microsoft.Extensions.Options.IOptionsMonitor<Options.DataPlaneOptions> dataPlane)
    : UseCase(services)
{
    /// <summary>The source: a server, or a NIC (its server); and the address to ping.</summary>
    public sealed record Request(string? InstanceId, string Target, string? NicId = null);

    public async Task<Result<PingResult>> RunAsync(OperationContext context, Request request, CancellationToken cancellationToken = default)
    {
        if ((context.ChangeRefusal ?? ZoneRefusal(context)) is { } refusal)
        {
            return refusal;
        }
        await using var db = await Services.OpenAsync(context, cancellationToken);
        var instanceId = request.InstanceId;
        if (request.NicId is { } nicId)
        {
            var nic = await db.Nics.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nicId && n.Zone == context.Zone, cancellationToken);
            if (nic is null)
            {
                return DomainErrors.NicNotFound(nicId);
            }
            if (nic.InstanceId is null || nic.Status != NicStatus.InUse)
            {
                return DomainErrors.NicNotInUse(nic.Id, nic.State);
            }
            instanceId = nic.InstanceId;
        }
        if (string.IsNullOrEmpty(instanceId))
        {
            return DomainErrors.Required("instance");
        }
        if (await ConnectivityScope.ReadAsync(db, context, instanceId, dataPlane.CurrentValue.Host, cancellationToken) is not { } targets)
        {
            return DomainErrors.InstanceNotFound(instanceId);
        }
        if (targets.HostRefusal is { } elsewhere)
        {
            return elsewhere;
        }
        if (!probe.Available)
        {
            return DomainErrors.GuestProbeUnavailable(probe.Reason ?? "");
        }
        if (targets.Status != InstanceStatus.Running)
        {
            return DomainErrors.ServerNotRunning(instanceId, targets.Status.ToString().ToLowerInvariant());
        }
        if (targets.TargetRefusal(request.Target?.Trim()) is { } targetRefusal)
        {
            return targetRefusal;
        }
        return await probe.PingAsync(instanceId, request.Target!.Trim(), cancellationToken);
    }
}
