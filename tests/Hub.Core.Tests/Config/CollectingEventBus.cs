using System.Collections.Concurrent;
using ContactHub.Core.Events;

namespace ContactHub.Core.Tests.Config;

internal sealed class CollectingEventBus : IHubEventBus
{
    public ConcurrentQueue<HubEvent> Published { get; } = new();

    public Task PublishAsync(HubEvent hubEvent)
    {
        Published.Enqueue(hubEvent);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(Action<HubEvent> handler) => throw new NotSupportedException();
}
