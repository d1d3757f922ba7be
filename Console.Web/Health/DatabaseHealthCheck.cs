using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NicConsole.Domain.Persistence;

namespace NicConsole.Web.Health;

/// <summary>Unhealthy when the database cannot be reached: a node without it serves nothing.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<ConsoleDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy(db.Database.ProviderName)
            : HealthCheckResult.Unhealthy("the database cannot be reached");
    }
}
