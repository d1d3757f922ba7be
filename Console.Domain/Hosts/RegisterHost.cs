using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Hosts;

/// <summary>An Admin registers a hypervisor host; it is offline until its agent first reports with the token returned here (shown once).</summary>
public sealed class RegisterHost(UseCaseServices services) : UseCase(services)
{
    public sealed record Request(string Name, string Zone, string Underlay, int MaxServers = Hypervisor.DefaultMaxServers, int MaxNics = Hypervisor.DefaultMaxNics);

    public sealed record Registered(string Name, string Token);

    public Task<Result<Registered>> RunAsync(OperationContext context, Request request, CancellationToken cancellationToken = default) =>
        Changes.RunAsync<Registered>(context, async db =>
        {
            var name = request.Name.Trim();
            var underlay = request.Underlay.Trim();
            if ((context.AdminRefusal ?? ZoneRefusal(context with { Zone = request.Zone })
                ?? Hypervisor.RegistrationRefusal(name, underlay, request.MaxServers, request.MaxNics)) is { } refusal)
            {
                return refusal;
            }
            if (await db.Hosts.AnyAsync(h => h.Name == name, cancellationToken))
            {
                return DomainErrors.HostExists(name);
            }
            if (await db.Hosts.Where(h => h.Underlay == underlay).Select(h => h.Name).FirstOrDefaultAsync(cancellationToken) is { } holder)
            {
                return DomainErrors.UnderlayInUse(underlay, holder);
            }
            var (host, token) = Hypervisor.Register(name, request.Zone, underlay, request.MaxServers, request.MaxNics, Now);
            db.Hosts.Add(host);
            Log(db, context, context.Tenant, "RegisterHost", [name], OperationResult.Succeeded,
                $"zone={request.Zone}; underlay={underlay}; max_servers={request.MaxServers}; max_nics={request.MaxNics}");
            return new Registered(name, token);
        }, cancellationToken);
}
