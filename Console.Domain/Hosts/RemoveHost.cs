using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Instances;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Hosts;

/// <summary>Removes a host that runs no server (terminated servers keep its name, as history).</summary>
public sealed class RemoveHost(UseCaseServices services) : HostChange(services)
{
    public Task<Result<string>> RunAsync(OperationContext context, string name, CancellationToken cancellationToken = default) =>
        WithHostAsync(context, name, "RemoveHost", async (db, host) =>
        {
            var servers = await db.Instances.IgnoreQueryFilters().CountAsync(i => i.HostId == host.Name && i.Status != InstanceStatus.Terminated, cancellationToken);
            if (servers > 0)
            {
                return DomainErrors.HostNotEmpty(host.Name, servers);
            }
            db.Hosts.Remove(host);
            return host.Name;
        }, cancellationToken);
}
