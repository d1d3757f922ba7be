using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Instances;

/// <summary>What a server's guest has: its view (from the kernel when the data plane can be read) and where it may ping.</summary>
public sealed class GuestQueries(UseCaseServices services, InstanceQueries instances, IGuestProbe probe) : Reads(services)
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
        return await ConnectivityScope.ReadAsync(db, context, instanceId, cancellationToken) is { } targets
            ? targets
            : DomainErrors.InstanceNotFound(instanceId);
    }
}
