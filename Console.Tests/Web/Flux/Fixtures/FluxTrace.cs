namespace NicConsole.Tests.Web.Flux.Fixtures;

/// <summary>Records what the store's parts did, in order, and holds a gate effects can wait on.</summary>
public sealed class FluxTrace
{
    private readonly Lock _syncRoot = new();
    private readonly List<string> _entries = [];

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_syncRoot)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(string entry)
    {
        lock (_syncRoot)
        {
            _entries.Add(entry);
        }
    }

    public void Clear()
    {
        lock (_syncRoot)
        {
            _entries.Clear();
        }
    }
}
