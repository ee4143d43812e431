using System.Collections.Concurrent;
using ContactHub.Core.Events;

namespace ContactHub.Routing.Tests;

/// <summary>Keeps what the router announces on its own, so tests can see it without pub/sub timing.</summary>
internal sealed class RecordingEventBus : IHubEventBus
{
    private readonly ConcurrentQueue<HubEvent> published = new();

    public IReadOnlyList<HubEvent> Published => [.. published];

    public Task PublishAsync(HubEvent hubEvent)
    {
        published.Enqueue(hubEvent);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(Action<HubEvent> handler) =>
        throw new NotSupportedException("The router only publishes.");
}
