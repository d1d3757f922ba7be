using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NicConsole.Domain.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock (in short steps) instead of failing at once, so that use cases
/// racing for <c>BEGIN IMMEDIATE</c> queue up.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
