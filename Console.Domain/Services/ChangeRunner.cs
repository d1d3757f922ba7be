using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NicConsole.Domain.Changes;
using NicConsole.Domain.Common;
using NicConsole.Domain.Operations;
using NicConsole.Domain.Persistence;
using NicConsole.Domain.Telemetry;

namespace NicConsole.Domain.Services;

/// <summary>
/// Runs one use case in one transaction: it reads, decides and writes, and either everything commits or
/// nothing does. On SQLite the transaction takes the write lock at BEGIN, so racing use cases queue; on
/// SQL Server concurrency tokens and unique indexes catch a race, and the whole use case runs again. Each run is a span
/// and a measurement named after the use case: its file, since each use case has a file of its own.
/// </summary>
public sealed class ChangeRunner(IDbContextFactory<ConsoleDbContext> factory, IChangeFeed feed, DomainMetrics metrics, ILogger<ChangeRunner> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// A use case that changes resources on behalf of <paramref name="context"/>: a Viewer is refused before anything
    /// is read, and the use case sees only what the caller may see (<see cref="ConsoleDbContext.ScopeTo"/>).
    /// </summary>
    public Task<Result<T>> RunAsync<T>(OperationContext context, Func<ConsoleDbContext, Result<T>> work, CancellationToken cancellationToken,
        [CallerFilePath] string caller = "") =>
        RunAsync(context, db => Task.FromResult(work(db)), cancellationToken, caller);

    /// <inheritdoc cref="RunAsync{T}(OperationContext, Func{ConsoleDbContext, Result{T}}, CancellationToken)"/>
    public Task<Result<T>> RunAsync<T>(OperationContext context, Func<ConsoleDbContext, Task<Result<T>>> work, CancellationToken cancellationToken,
        [CallerFilePath] string caller = "") =>
        context.ChangeRefusal is { } refusal
            ? Task.FromResult<Result<T>>(refusal)
            : MeasuredAsync(context, work, Path.GetFileNameWithoutExtension(caller), cancellationToken);

    /// <summary>A change the system makes (the job worker, recovery): every tenant's rows.</summary>
    public Task<Result<T>> RunAsync<T>(Func<ConsoleDbContext, Task<Result<T>>> work, CancellationToken cancellationToken) =>
        RunScopedAsync(null, work, cancellationToken);

    private async Task<Result<T>> MeasuredAsync<T>(OperationContext context, Func<ConsoleDbContext, Task<Result<T>>> work, string useCase, CancellationToken cancellationToken)
    {
        using var span = ConsoleTelemetry.Source.StartActivity("use_case " + useCase);
        span?.SetTag("use_case", useCase);
        var started = Stopwatch.GetTimestamp();
        var result = "error";
        try
        {
            var outcome = await RunScopedAsync(context, work, cancellationToken);
            result = outcome.Succeeded ? "ok" : outcome.Error!.Key;
            if (!outcome.Succeeded)
            {
                span?.SetStatus(ActivityStatusCode.Error, outcome.Error!.Key);
                span?.SetTag("ret_code", (int)outcome.Error!.Code);
            }
            return outcome;
        }
        finally
        {
            metrics.UseCaseRan(useCase, result, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<Result<T>> RunScopedAsync<T>(OperationContext? context, Func<ConsoleDbContext, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = context is null
                ? await factory.CreateDbContextAsync(cancellationToken)
                : await factory.CreateDbContextAsync(context, cancellationToken);
            try
            {
                // The transaction is the unit: a failed save rolls all of it back, so EF need not set a savepoint first.
                db.Database.AutoSavepointsEnabled = false;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await work(db);
                if (!result.Succeeded)
                {
                    return result;
                }
                // What the use case changed is found once; the log, the touched resources and the save read the same entries.
                db.ChangeTracker.DetectChanges();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var log = db.ChangeTracker.Entries<OperationLogEntry>()
                    .Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
                var touched = TouchedEntries.Of(db);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                var commit = log.Count > 0 ? log[0].Id : 0;
                feed.Publish(log.Select(entry => ResourceChange.From(entry, touched, commit)).ToList());
                metrics.Published(log.Count);
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
