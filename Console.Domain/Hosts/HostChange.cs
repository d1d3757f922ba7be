using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Hosts;

/// <summary>A change an Admin makes to one registered host (<see cref="DrainHost"/>, <see cref="RotateHostToken"/>, <see cref="RemoveHost"/>): refused to anyone else, logged under the host's name.</summary>
public abstract class HostChange(UseCaseServices services) : UseCase(services)
{
    protected Task<Result<string>> WithHostAsync(OperationContext context, string name, string action,
        Func<ConsoleDbContext, Hypervisor, Task<Result<string>>> change, CancellationToken cancellationToken) =>
        Changes.RunAsync<string>(context, async db =>
        {
            if (context.AdminRefusal is { } refusal)
            {
                return refusal;
            }
            if (await db.Hosts.FirstOrDefaultAsync(h => h.Name == name, cancellationToken) is not { } host)
            {
                return DomainErrors.HostNotFound(name);
            }
            var result = await change(db, host);
            if (result.Succeeded)
            {
                Log(db, context, context.Tenant, action, [host.Name], OperationResult.Succeeded, "");
            }
            return result;
        }, cancellationToken);
}
