using NicConsole.Domain.Common;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Hosts;

/// <summary>Gives a host's agent a new token, returned once; the old one stops working at once.</summary>
public sealed class RotateHostToken(UseCaseServices services) : HostChange(services)
{
    public Task<Result<string>> RunAsync(OperationContext context, string name, CancellationToken cancellationToken = default) =>
        WithHostAsync(context, name, "RotateHostToken", (_, host) => Task.FromResult<Result<string>>(host.NewToken()), cancellationToken);
}
