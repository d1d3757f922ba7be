using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NicConsole.Domain.Telemetry;

/// <summary>
/// A span for each database command EF sends (<c>db SELECT</c>, <c>db UPDATE</c>, …, with the SQL text, which holds
/// parameter names, never values), below the use case or query that sent it. With no one listening it does nothing
/// but ask; it replaces EF Core's OpenTelemetry instrumentation, which costs the write path about 8 % of its CPU by
/// turning on every one of EF's diagnostic events (docs/performance.md).
/// </summary>
public sealed class DatabaseSpans : DbCommandInterceptor
{
    public static readonly DatabaseSpans Instance = new();

    private readonly ConcurrentDictionary<Guid, Activity> _open = new();

    private DatabaseSpans()
    {
    }

    private void Begin(DbCommand command, CommandEventData data)
    {
        if (!ConsoleTelemetry.Source.HasListeners())
        {
            return;
        }
        var caller = Activity.Current;
        var verb = Verb(command.CommandText);
        if (ConsoleTelemetry.Source.StartActivity("db " + verb, ActivityKind.Client) is not { } span)
        {
            return;
        }
        // The command's own span must not become the caller's current one: the caller's next span is its sibling.
        Activity.Current = caller;
        span.SetTag("db.system.name", command.GetType().Namespace?.StartsWith("Microsoft.Data.SqlClient", StringComparison.Ordinal) == true ? "microsoft.sql_server" : "sqlite");
        span.SetTag("db.operation.name", verb);
        span.SetTag("db.query.text", command.CommandText);
        _open[data.CommandId] = span;
    }

    private void End(CommandEventData data, Exception? error = null)
    {
        if (_open.TryRemove(data.CommandId, out var span))
        {
            if (error is not null)
            {
                span.SetStatus(ActivityStatusCode.Error, error.GetBaseException().Message);
            }
            span.Stop();
        }
    }

    /// <summary>The statement's first word (SELECT, INSERT, UPDATE, DELETE, PRAGMA, …): a kind, never a value.</summary>
    private static string Verb(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\r');
        var word = (end < 0 ? text : text[..end]).TrimEnd(';');
        return word.Length is > 0 and <= 16 ? word.ToString().ToUpperInvariant() : "SQL";
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Begin(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Begin(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        End(eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        End(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Begin(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Begin(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        End(eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        End(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Begin(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Begin(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        End(eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        End(eventData);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => End(eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => End(eventData);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData);
        return Task.CompletedTask;
    }
}
