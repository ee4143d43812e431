using System.Collections.Concurrent;
using ContactHub.Core.Events;

namespace ContactHub.Core.Tests;

/// <summary>Keeps every published event so a test can wait for the one it expects.</summary>
internal sealed class RecordingBus : IHubEventBus
{
    private readonly ConcurrentQueue<HubEvent> _published = new();

    public Task PublishAsync(HubEvent hubEvent)
    {
        _published.Enqueue(hubEvent);
        return Task.CompletedTask;
    }

    public IReadOnlyCollection<HubEvent> Published => _published;

    public IDisposable Subscribe(Action<HubEvent> handler) => throw new NotSupportedException();

    public async Task<InteractionStatusChanged> WaitForAsync(Func<HubEvent, bool> match)
    {
        while (true)
        {
            if (_published.FirstOrDefault(match) is InteractionStatusChanged found)
            {
                return found;
            }
            await Task.Delay(20);
        }
    }
}
