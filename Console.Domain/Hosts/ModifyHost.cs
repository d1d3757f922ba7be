using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Hosts;

/// <summary>
/// Changes a host's underlay address or capacity (for instance the local host's real address when a second host joins).
/// A capacity below what the host holds now is refused: nothing already placed is ever pushed off.
/// </summary>
public sealed class ModifyHost(UseCaseServices services) : HostChange(services)
{
    public sealed record Request(string Name, string? Underlay = null, int? MaxServers = null, int? MaxNics = null);

    public Task<Result<string>> RunAsync(OperationContext context, Request request, CancellationToken cancellationToken = default) =>
        WithHostAsync(context, request.Name, "ModifyHost", async (db, host) =>
        {
            var underlay = request.Underlay?.Trim() ?? host.Underlay;
            var (maxServers, maxNics) = (request.MaxServers ?? host.MaxServers, request.MaxNics ?? host.MaxNics);
            if (Hypervisor.RegistrationRefusal(host.Name, underlay, maxServers, maxNics) is { } refusal)
            {
                return refusal;
            }
            if (underlay != host.Underlay
                && await db.Hosts.Where(h => h.Underlay == underlay && h.Name != host.Name).Select(h => h.Name).FirstOrDefaultAsync(cancellationToken) is { } holder)
            {
                return DomainErrors.UnderlayInUse(underlay, holder);
            }
            var load = (await Placement.LoadsAsync(db, [host], cancellationToken))[0];
            if (maxServers < load.Servers)
            {
                return DomainErrors.HostFull(host.Name, "servers", load.Servers, maxServers);
            }
            if (maxNics < load.Nics)
            {
                return DomainErrors.HostFull(host.Name, "NICs", load.Nics, maxNics);
            }
            host.Modify(underlay, maxServers, maxNics);
            return host.Name;
        }, cancellationToken);
}
