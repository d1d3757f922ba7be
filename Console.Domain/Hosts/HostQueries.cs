using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Services;

namespace NicConsole.Domain.Hosts;

/// <summary>A host as an Admin sees it: its status, its capacity and what it holds.</summary>
public sealed record HostView(
    string Name,
    string Zone,
    string Underlay,
    HostStatus Status,
    int MaxServers,
    int MaxNics,
    int Servers,
    int Nics,
    bool HasToken,
    DateTime CreateTime,
    DateTime StatusTime)
{
    /// <summary>Why it cannot be removed now (it runs servers), or null.</summary>
    public DomainError? RemoveRefusal => Servers > 0 ? DomainErrors.HostNotEmpty(Name, Servers) : null;
}

/// <summary>The hosts, for Admins only: nobody else sees where servers run.</summary>
public sealed class HostQueries(UseCaseServices services) : Reads(services)
{
    public async Task<Result<IReadOnlyList<HostView>>> ListAsync(OperationContext context, CancellationToken cancellationToken = default)
    {
        if (context.AdminRefusal is { } refusal)
        {
            return refusal;
        }
        await using var db = await OpenAsync(context, cancellationToken);
        var hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.Zone).ThenBy(h => h.Name).ToListAsync(cancellationToken);
        var loads = await Placement.LoadsAsync(db, hosts, cancellationToken);
        return loads.Select(l => new HostView(l.Host.Name, l.Host.Zone, l.Host.Underlay, l.Host.Status, l.Host.MaxServers, l.Host.MaxNics,
            l.Servers, l.Nics, l.Host.TokenHash.Length > 0, l.Host.CreateTime, l.Host.StatusTime)).ToList();
    }
}
