using Microsoft.EntityFrameworkCore;
using NicConsole.Domain.Common;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Services;

/// <summary>How a request's resources are named, loaded and checked to share a tenant, for use cases and reads alike.</summary>
internal static class Resources
{
    /// <summary>Ids of one request: at least one, none twice.</summary>
    public static DomainError? IdsRefusal(IReadOnlyList<string> ids, string parameter)
    {
        if (ids.Count == 0)
        {
            return DomainErrors.Required(parameter);
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var duplicate = ids.FirstOrDefault(id => !seen.Add(id));
        return duplicate is null ? null : DomainErrors.DuplicateId(duplicate);
    }

    /// <summary>
    /// Loads the resources a request names, tracked, in request order. The first unknown (or no longer
    /// listed) id is not found; one in another zone is refused.
    /// </summary>
    public static async Task<Result<List<T>>> LoadAsync<T>(
        IQueryable<T> set, IReadOnlyList<string> ids, Func<string, DomainError> notFound, OperationContext context, CancellationToken cancellationToken)
        where T : class, IResource
    {
        var rows = await set.WhereIn(r => r.Id, ids).ToDictionaryAsync(r => r.Id, cancellationToken);
        var ordered = new List<T>(ids.Count);
        foreach (var id in ids)
        {
            if (!rows.TryGetValue(id, out var row) || !row.IsVisible)
            {
                return notFound(id);
            }
            if (row.Zone != context.Zone)
            {
                return DomainErrors.DifferentZone(id, row.Zone, context.Zone);
            }
            ordered.Add(row);
        }
        return ordered;
    }

    public static async Task<Result<T>> LoadOneAsync<T>(
        IQueryable<T> set, string id, Func<string, DomainError> notFound, OperationContext context, CancellationToken cancellationToken)
        where T : class, IResource
    {
        var rows = await LoadAsync(set, [id], notFound, context, cancellationToken);
        return rows.Succeeded ? rows.Value[0] : rows.Error!;
    }

    /// <summary>
    /// The one tenant a change's resources belong to (vxnet-0 is everyone's and does not count), with
    /// <paramref name="created"/> the tenant of the resources the change makes; refused when they differ. Only an Admin
    /// can meet the refusal: nobody else sees another tenant's resources.
    /// </summary>
    public static Result<string> TenantOf(IEnumerable<IResource> resources, string? created = null)
    {
        var tenant = created;
        foreach (var resource in resources)
        {
            if (resource is VxNet { IsBasic: true })
            {
                continue;
            }
            if (tenant is not null && resource.Tenant != tenant)
            {
                return DomainErrors.TenantMismatch(resource.Id, resource.Tenant, tenant);
            }
            tenant ??= resource.Tenant;
        }
        return tenant ?? OperationContext.DefaultTenant;
    }
}
