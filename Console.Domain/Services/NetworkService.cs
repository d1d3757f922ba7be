using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NicConsole.Domain.Common;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Options;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.VxNets;

namespace NicConsole.Domain.Services;

public sealed partial class NetworkService(
    ChangeRunner changes,
    IDbContextFactory<ConsoleDbContext> factory,
    IOptionsMonitor<NetworkOptions> network,
    StuckJobPolicy stuckJobs,
    TimeProvider time) : INetworkService
{
    private static readonly JsonSerializerOptions DirectiveJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DomainError? ZoneRefusal(OperationContext context) =>
        network.CurrentValue.EffectiveZones.Contains(context.Zone) ? null : DomainErrors.UnknownZone(context.Zone);

    /// <summary>Ids of one request: at least one, none twice.</summary>
    private static DomainError? IdsRefusal(IReadOnlyList<string> ids, string parameter)
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
    private static async Task<Result<List<T>>> LoadAsync<T>(
        IQueryable<T> set, IReadOnlyList<string> ids, Func<string, DomainError> notFound, OperationContext context, CancellationToken cancellationToken)
        where T : class, IResource
    {
        var rows = await set.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
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

    /// <summary>
    /// A context for a read on behalf of <paramref name="context"/>: it sees only what the caller may see, and its
    /// connection is open for all the read's queries (a list's count and page, the dashboard's), not opened for each.
    /// </summary>
    private async Task<ConsoleDbContext> OpenAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var db = (await factory.CreateDbContextAsync(cancellationToken)).ScopeTo(context);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
    }

    /// <summary>
    /// The one tenant a change's resources belong to (vxnet-0 is everyone's and does not count), with
    /// <paramref name="created"/> the tenant of the resources the change makes; refused when they differ. Only an Admin
    /// can meet the refusal: nobody else sees another tenant's resources.
    /// </summary>
    private static Result<string> TenantOf(IEnumerable<IResource> resources, string? created = null)
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

    private static async Task<Result<T>> LoadOneAsync<T>(
        IQueryable<T> set, string id, Func<string, DomainError> notFound, OperationContext context, CancellationToken cancellationToken)
        where T : class, IResource
    {
        var rows = await LoadAsync(set, [id], notFound, context, cancellationToken);
        return rows.Succeeded ? rows.Value[0] : rows.Error!;
    }

    /// <summary>
    /// Records the job that will apply what this use case reserved, and returns what the caller gets. The log entry
    /// also names the NICs the job moves (<paramref name="nics"/>), with where each goes in its detail.
    /// </summary>
    private Accepted AddJob(ConsoleDbContext db, OperationContext context, string tenant, string jobId, JobAction action, IReadOnlyList<string> resourceIds, object directive,
        IReadOnlyList<Nic>? nics = null, bool withAddresses = false)
    {
        db.Jobs.Add(new Job(jobId, action, resourceIds, JsonSerializer.Serialize(directive, DirectiveJson), context.Zone, context.User, tenant, Now));
        Log(db, context, tenant, action.ToString(), resourceIds.Union(nics?.Select(n => n.Id) ?? []), OperationResult.Accepted,
            nics is null ? "" : NicLogTokens.Placements(nics, withAddresses), jobId);
        return new Accepted(jobId, resourceIds);
    }

    /// <summary>Logs a change in the log of <paramref name="tenant"/>, the tenant of the resources it changed.</summary>
    private void Log(ConsoleDbContext db, OperationContext context, string tenant, string action, IEnumerable<string> resourceIds, OperationResult result, string detail, string? jobId = null) =>
        db.OperationLog.Add(new OperationLogEntry(context.User, context.Zone, tenant, action, resourceIds, result, detail, jobId, Now));
}
