namespace ContactHub.Agents.Blazor.Presence;

/// <summary>
/// Counts each agent's live console circuits on this node. When the last one goes down the agent gets a
/// grace period to come back (a reload, a flaky network); only if none is back by then are they set offline,
/// so customers are not offered to someone who closed the console and went home.
/// </summary>
/// <param name="goOffline">Sets the agent offline; failures are the caller's to log (the callback runs on a timer thread).</param>
public sealed class PresenceGrace(TimeProvider time, TimeSpan grace, Func<long, Task> goOffline) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, int> _open = [];
    private readonly Dictionary<long, Pending> _pending = [];
    private bool _disposed;

    public TimeSpan Grace => grace;

    public int OpenCircuits(long agentId)
    {
        lock (_lock)
        {
            return _open.GetValueOrDefault(agentId);
        }
    }

    public bool IsGoingOffline(long agentId)
    {
        lock (_lock)
        {
            return _pending.ContainsKey(agentId);
        }
    }

    /// <summary>A circuit of the agent's is connected: any pending offline is called off.</summary>
    public void Up(long agentId)
    {
        lock (_lock)
        {
            _open[agentId] = _open.GetValueOrDefault(agentId) + 1;
            if (_pending.Remove(agentId, out var pending))
            {
                pending.Timer?.Dispose();
            }
        }
    }

    /// <summary>A circuit of the agent's went down; the last one starts the grace period.</summary>
    public void Down(long agentId)
    {
        lock (_lock)
        {
            var left = _open.GetValueOrDefault(agentId) - 1;
            if (left > 0)
            {
                _open[agentId] = left;
                return;
            }
            _open.Remove(agentId);
            if (_disposed || _pending.ContainsKey(agentId))
            {
                return;
            }
            // Registered before the timer exists, so even a zero grace firing at once finds its entry.
            var pending = new Pending(agentId);
            _pending[agentId] = pending;
            pending.Timer = time.CreateTimer(state => Expire((Pending)state!), pending, grace, Timeout.InfiniteTimeSpan);
        }
    }

    private void Expire(Pending expired)
    {
        var agentId = expired.AgentId;
        lock (_lock)
        {
            // A reconnect (or a newer grace period) replaced or removed this one: nothing to do.
            if (!_pending.TryGetValue(agentId, out var current) || !ReferenceEquals(current, expired))
            {
                return;
            }
            _pending.Remove(agentId);
            expired.Timer?.Dispose();
            if (_open.GetValueOrDefault(agentId) > 0)
            {
                return;
            }
        }
        _ = goOffline(agentId);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (var pending in _pending.Values)
            {
                pending.Timer?.Dispose();
            }
            _pending.Clear();
        }
    }

    private sealed class Pending(long agentId)
    {
        public long AgentId { get; } = agentId;

        public ITimer? Timer { get; set; }
    }
}
