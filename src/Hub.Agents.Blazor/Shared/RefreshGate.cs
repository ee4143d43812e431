namespace ContactHub.Agents.Blazor.Shared;

/// <summary>
/// Coalesces reloads: a burst of events while one reload runs causes exactly one more reload afterwards,
/// never one per event. Used from a single render context, so plain fields suffice.
/// </summary>
public sealed class RefreshGate
{
    private bool _running;
    private bool _again;

    /// <summary>Runs <paramref name="reload"/> now, or marks it to run once more after the reload in flight.</summary>
    public async Task RequestAsync(Func<Task> reload)
    {
        if (_running)
        {
            _again = true;
            return;
        }
        _running = true;
        try
        {
            do
            {
                _again = false;
                await reload();
            }
            while (_again);
        }
        finally
        {
            _running = false;
            _again = false;
        }
    }
}
