using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NicConsole.Tests.Support;

/// <summary>The SQL EF Core sends to one database file while it is alive, from EF's diagnostic events.</summary>
public sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _databasePath;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _commands = [];

    public SqlCapture(string databasePath)
    {
        _databasePath = databasePath;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Clear()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    /// <summary>How many transactions were begun (on SQLite each takes the write lock: BEGIN IMMEDIATE).</summary>
    public int Transactions => Volatile.Read(ref _transactions);

    private int _transactions;

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.TransactionStarted.Name && value.Value is TransactionEndEventData transaction
            && transaction.Transaction.Connection?.ConnectionString.Contains(_databasePath, StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _transactions);
        }
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
            && data.Command.Connection?.ConnectionString.Contains(_databasePath, StringComparison.Ordinal) == true)
        {
            lock (_commands)
            {
                _commands.Add(data.Command.CommandText);
            }
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
