using Microsoft.EntityFrameworkCore;

namespace NicConsole.Domain.Persistence;

/// <summary>Serves the provider's derived context as the base type that the rest of the app depends on.</summary>
public sealed class ConsoleDbContextFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<ConsoleDbContext>
    where T : ConsoleDbContext
{
    public ConsoleDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<ConsoleDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
