using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NicConsole.Domain.Common;

namespace NicConsole.Domain.Persistence;

/// <summary>
/// Serves the provider's derived context as the base type that the rest of the app depends on, from two pools: one of
/// contexts that see every tenant, one of contexts scoped to a tenant (<see cref="ConsoleDbContext.ScopeTo"/>).
/// </summary>
/// <remarks>
/// A context takes its model (with tenant filters or without) when first used and keeps it, and a pooled context
/// is used again and again; so each pool only ever holds contexts of one kind, and a scoped context is scoped again
/// (its tenant set) at every lease. Pooling saves building a context's services for every use case and read.
/// </remarks>
public sealed class ConsoleDbContextFactory<T>(DbContextOptions<T> options) : IScopedDbContextFactory
    where T : ConsoleDbContext
{
    private readonly PooledDbContextFactory<T> _everyTenant = new(options);
    private readonly PooledDbContextFactory<T> _oneTenant = new(options);

    /// <summary>A context that sees every tenant's rows.</summary>
    public ConsoleDbContext CreateDbContext() => _everyTenant.CreateDbContext();

    /// <inheritdoc cref="CreateDbContext"/>
    public async Task<ConsoleDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await _everyTenant.CreateDbContextAsync(cancellationToken);

    /// <summary>A context that sees what <paramref name="context"/>'s caller may see.</summary>
    public async Task<ConsoleDbContext> CreateDbContextAsync(OperationContext context, CancellationToken cancellationToken) =>
        (await (context.SeesEveryTenant ? _everyTenant : _oneTenant).CreateDbContextAsync(cancellationToken)).ScopeTo(context);
}

/// <summary>A context factory that serves each caller's scope from a pool of its own.</summary>
public interface IScopedDbContextFactory : IDbContextFactory<ConsoleDbContext>
{
    /// <summary>A context that sees what <paramref name="context"/>'s caller may see.</summary>
    Task<ConsoleDbContext> CreateDbContextAsync(OperationContext context, CancellationToken cancellationToken);
}

public static class ConsoleDbContextFactoryExtensions
{
    /// <summary>A context that sees what <paramref name="context"/>'s caller may see: from the pool for its scope when there is one.</summary>
    public static async Task<ConsoleDbContext> CreateDbContextAsync(this IDbContextFactory<ConsoleDbContext> factory, OperationContext context, CancellationToken cancellationToken) =>
        factory is IScopedDbContextFactory scoped
            ? await scoped.CreateDbContextAsync(context, cancellationToken)
            : (await factory.CreateDbContextAsync(cancellationToken)).ScopeTo(context);
}
