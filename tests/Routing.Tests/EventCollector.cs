using ContactHub.Core.Events;

namespace ContactHub.Routing.Tests;

/// <summary>Collects events from a bus thread and lets a test wait, with a timeout, until enough arrived.</summary>
internal sealed class EventCollector
{
    private readonly Lock gate = new();
    private readonly List<HubEvent> events = [];
    private readonly List<(int Count, TaskCompletionSource<HubEvent[]> Done)> waiters = [];

    public void Add(HubEvent hubEvent)
    {
        lock (gate)
        {
            events.Add(hubEvent);
            foreach (var waiter in waiters.Where(w => events.Count >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult([.. events]);
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return events.Count;
            }
        }
    }

    public Task<HubEvent[]> WaitForAsync(int count)
    {
        lock (gate)
        {
            if (events.Count >= count)
            {
                return Task.FromResult<HubEvent[]>([.. events]);
            }
            var done = new TaskCompletionSource<HubEvent[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
            return done.Task.WithTimeout();
        }
    }
}
