using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Hosts;
using NicConsole.Domain.Options;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Instances;

/// <summary>
/// What a server's guest has: its view (from the kernel when the data plane can be read; for a server on another host,
/// as that host's agent last reported it) and where it may ping.
/// </summary>
public sealed class GuestQueries(UseCaseServices services, InstanceQueries instances, IGuestProbe probe, HostReports reports, IOptionsMonitor<DataPlaneOptions> dataPlane)
    : Reads(services)
{
    public async Task<Result<GuestReading>> ReadAsync(OperationContext context, string instanceId, CancellationToken cancellationToken = default)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
        var page = await instances.QueryAsync(context, new InstanceQuery { Ids = [instanceId] }, cancellationToken);
        if (!page.Succeeded)
        {
            return page.Error!;
        }
        if (page.Value.Items.SingleOrDefault() is not { } instance)
        {
            return DomainErrors.InstanceNotFound(instanceId);
        }
        var local = dataPlane.CurrentValue.Host;
        string? host;
        await using (var db = await OpenAsync(context, cancellationToken))
        {
            host = await Services.Hosts.HostOfAsync(db, instanceId, local, cancellationToken);
        }
        var here = host is null || host == local;
        // Hosts are an Admin's to see, as on the server's page.
        string? Shown(string? name) => context.IsAdmin ? name : null;
        // A server elsewhere, or here when this console cannot look inside servers but the host's own agent can: as it reported.
        if (host is not null && (!here || !probe.Available)
            && reports.Last(host) is { Report.Guests: { } guests, At: var at } && guests.TryGetValue(instanceId, out var kernel))
        {
            return new GuestReading(instance, GuestView.FromKernel(instance, kernel, GuestSource.Agent), null, Shown(host), at);
        }
        if (!here)
        {
            return new GuestReading(instance, GuestView.Of(instance, DataPlaneSpec.VxlanMtu),
                $"{(context.IsAdmin ? $"host {host}'s" : "its host's")} agent has not reported this server's guest yet", Shown(host), NotReported: true);
        }
        if (!probe.Available)
        {
            return new GuestReading(instance, GuestView.Of(instance), probe.Reason);
        }
        return new GuestReading(instance, GuestView.FromKernel(instance, await probe.ReadAsync(instanceId, cancellationToken)), null);
    }

    public async Task<Result<ConnectivityTargets>> TargetsAsync(OperationContext context, string instanceId, CancellationToken cancellationToken = default)
    {
        if (ZoneRefusal(context) is { } refusal)
        {
            return refusal;
        }
        await using var db = await OpenAsync(context, cancellationToken);
        return await ConnectivityScope.ReadAsync(db, context, instanceId, dataPlane.CurrentValue.Host, cancellationToken) is { } targets
            ? targets
            : DomainErrors.InstanceNotFound(instanceId);
    }
}
