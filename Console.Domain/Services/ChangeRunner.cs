using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;

namespace NicConsole.Domain.Services;

/// <summary>
/// Runs one use case in one transaction: it reads, decides and writes, and either everything commits or
/// nothing does. On SQLite the transaction takes the write lock at BEGIN, so racing use cases queue; on
/// SQL Server concurrency tokens and unique indexes catch a race, and the whole use case runs again.
/// </summary>
public sealed class ChangeRunner(IDbContextFactory<ConsoleDbContext> factory, IChangeFeed feed, ILogger<ChangeRunner> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// A use case that changes resources on behalf of <paramref name="context"/>: a Viewer is refused before anything
    /// is read, and the use case sees only what the caller may see (<see cref="ConsoleDbContext.ScopeTo"/>).
    /// </summary>
    public Task<Result<T>> RunAsync<T>(OperationContext context, Func<ConsoleDbContext, Result<T>> work, CancellationToken cancellationToken) =>
        RunAsync(context, db => Task.FromResult(work(db)), cancellationToken);

    /// <inheritdoc cref="RunAsync{T}(OperationContext, Func{ConsoleDbContext, Result{T}}, CancellationToken)"/>
    public Task<Result<T>> RunAsync<T>(OperationContext context, Func<ConsoleDbContext, Task<Result<T>>> work, CancellationToken cancellationToken) =>
        context.ChangeRefusal is { } refusal
            ? Task.FromResult<Result<T>>(refusal)
            : RunScopedAsync(context, work, cancellationToken);

    /// <summary>A change the system makes (the job worker, recovery): every tenant's rows.</summary>
    public Task<Result<T>> RunAsync<T>(Func<ConsoleDbContext, Task<Result<T>>> work, CancellationToken cancellationToken) =>
        RunScopedAsync(null, work, cancellationToken);

    private async Task<Result<T>> RunScopedAsync<T>(OperationContext? context, Func<ConsoleDbContext, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (context is not null)
            {
                db.ScopeTo(context);
            }
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await work(db);
                if (!result.Succeeded)
                {
                    return result;
                }
                var log = db.ChangeTracker.Entries<OperationLogEntry>()
                    .Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                feed.Publish(log.Select(ResourceChange.From).ToList());
                return result;
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                logger.LogInformation("Use case met a concurrent change (attempt {Attempt}): {Message}", attempt, ex.Message);
                if (attempt == MaxAttempts)
                {
                    return DomainErrors.Busy();
                }
            }
        }
    }

    private static bool IsConflict(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        // SQLITE_BUSY / SQLITE_LOCKED after the busy timeout, or a unique index that a racer filled first.
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        // SQL Server: unique index or key violated, deadlock victim.
        SqlException { Number: 2601 or 2627 or 1205 } => true,
        _ => false,
    };
}
