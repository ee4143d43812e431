namespace ContactHub.Agents.Blazor.Shared;

/// <summary>
/// Turns "something changed" signals from any thread into few runs of one action: signals within
/// <c>window</c> of each other share a run, and runs start at least <c>minInterval</c> apart, so a burst
/// of routing events costs one read, while a lone event is served within window + minInterval.
/// </summary>
public sealed class Coalescer(TimeProvider time, TimeSpan window, TimeSpan minInterval, Func<Task> action) : IDisposable
{
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;
    private bool _disposed;

    public bool IsScheduled
    {
        get
        {
            lock (_lock)
            {
                return _timer is not null;
            }
        }
    }

    /// <summary>Asks for a run; does nothing when one is already scheduled (that run will see this change too).</summary>
    public void Signal()
    {
        lock (_lock)
        {
            if (_disposed || _timer is not null)
            {
                return;
            }
            var now = time.GetUtcNow();
            var earliest = _lastRun == DateTimeOffset.MinValue ? now : _lastRun + minInterval;
            var due = earliest - now > window ? earliest - now : window;
            _timer = time.CreateTimer(_ => Run(), null, due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Run()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            // Cleared before the action runs: a signal arriving while it runs schedules the next run.
            _timer?.Dispose();
            _timer = null;
            _lastRun = time.GetUtcNow();
        }
        _ = action();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
