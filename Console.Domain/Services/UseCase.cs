using System.Text.Json;
using NicConsole.Domain.Common;
using NicConsole.Domain.DataPlane;
using NicConsole.Domain.Jobs;
using NicConsole.Domain.Nics;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Services;

/// <summary>
/// One change of the console and the API, and the only place its rules live; it runs inside <see cref="ChangeRunner"/>.
/// A refused request returns its <see cref="DomainError"/> and changes nothing; an asynchronous one returns its job once
/// the reservation is committed.
/// </summary>
/// <remarks>
/// Roles and tenants: every use case refuses a Viewer first (<see cref="OperationContext.ChangeRefusal"/>, 1400, nothing
/// read, changed or logged). A caller who is not an Admin sees and changes only their tenant's resources (vxnet-0 is
/// shared): another tenant's resource answers exactly as a missing one (2100). New resources take the caller's tenant, a
/// server's NICs the server's; a job and its log entries take the tenant of the resources they change. The resources of
/// one change must share a tenant (<see cref="DomainErrors.TenantMismatch"/>, which only an Admin can meet).
/// </remarks>
public abstract class UseCase(UseCaseServices services)
{
    private static readonly JsonSerializerOptions DirectiveJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    protected UseCaseServices Services => services;

    protected ChangeRunner Changes => services.Changes;

    protected DateTime Now => services.Now;

    protected DomainError? ZoneRefusal(OperationContext context) => services.ZoneRefusal(context);

    /// <summary>
    /// Records the job that will apply what this use case reserved, and returns what the caller gets. The log entry
    /// also names the NICs the job moves (<paramref name="nics"/>), with where each goes in its detail.
    /// </summary>
    protected Accepted AddJob(ConsoleDbContext db, OperationContext context, string tenant, string jobId, JobAction action, IReadOnlyList<string> resourceIds, object directive,
        DataPlaneSpec spec, IReadOnlyList<Nic>? nics = null, bool withAddresses = false)
    {
        db.Jobs.Add(new Job(jobId, action, resourceIds, JsonSerializer.Serialize(directive, DirectiveJson), spec, context.Zone, context.User, tenant, Now,
            Telemetry.ConsoleTelemetry.CurrentTraceParent));
        Log(db, context, tenant, action.ToString(), resourceIds.Union(nics?.Select(n => n.Id) ?? []), OperationResult.Accepted,
            nics is null ? "" : NicLogTokens.Placements(nics, withAddresses), jobId);
        return new Accepted(jobId, resourceIds);
    }

    /// <summary>Logs a change in the log of <paramref name="tenant"/>, the tenant of the resources it changed.</summary>
    protected void Log(ConsoleDbContext db, OperationContext context, string tenant, string action, IEnumerable<string> resourceIds, OperationResult result, string detail, string? jobId = null) =>
        db.OperationLog.Add(new OperationLogEntry(context.User, context.Zone, tenant, action, resourceIds, result, detail, jobId, Now));

    /// <summary>The log detail of a rename: the name and description given.</summary>
    protected static string Changed(string? name, string? description) =>
        string.Join("; ", new[] { name is null ? null : $"name={name}", description is null ? null : $"description={description}" }.Where(p => p is not null));
}
