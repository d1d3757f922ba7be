using NicConsole.Domain.Common;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Hosts;

/// <summary>Drains a host (it keeps its servers and takes no new one) or undrains it.</summary>
public sealed class DrainHost(UseCaseServices services) : HostChange(services)
{
    public Task<Result<string>> RunAsync(OperationContext context, string name, bool drained, CancellationToken cancellationToken = default) =>
        WithHostAsync(context, name, drained ? "DrainHost" : "UndrainHost", (_, host) =>
        {
            host.Drain(drained, Now);
            return Task.FromResult<Result<string>>(host.Name);
        }, cancellationToken);
}
