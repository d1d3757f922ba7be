namespace NicConsole.Web.Features.Shared;

/// <summary>
/// One kind of read in one circuit: a page's list, a drawer's detail. A read asked for while another runs does not run
/// beside it: it waits, and of several waiting only the newest runs. So results land in the order they were asked for,
/// the last one shown was read after the last change (two reads side by side may finish in either order, and the older
/// one would win), and when reloads are asked for faster than they run the page does not fall behind: it skips to the
/// newest. Nothing waits on a timer.
/// </summary>
public sealed class LatestRead
{
    private readonly Lock _gate = new();
    private Func<Task>? _waiting;
    private bool _running;

    /// <summary>
    /// Runs <paramref name="read"/> now if no read runs; otherwise leaves it to the running call, which runs it next
    /// unless a newer one replaces it first. The running call's task ends when no read waits.
    /// </summary>
    public async Task RunAsync(Func<Task> read)
    {
        lock (_gate)
        {
            if (_running)
            {
                _waiting = read;
                return;
            }
            _running = true;
        }
        try
        {
            for (var next = read; next is not null; next = TakeWaiting())
            {
                await next();
            }
        }
        catch
        {
            // A read that throws (cancellation as the circuit goes; most reads turn failures into actions) ends the run:
            // open the gate, drop what waited, and let the store report the exception.
            lock (_gate)
            {
                _running = false;
                _waiting = null;
            }
            throw;
        }
    }

    /// <summary>The read that waits, if any; with none, the gate is open again.</summary>
    private Func<Task>? TakeWaiting()
    {
        lock (_gate)
        {
            var next = _waiting;
            _waiting = null;
            _running = next is not null;
            return next;
        }
    }
}
