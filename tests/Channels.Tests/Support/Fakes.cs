using System.Collections.Concurrent;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Stream;

namespace ContactHub.Channels.Tests.Support;

/// <summary>Appends in memory with the store's idempotency on (channel, external id), so webhook tests need no database for inbound.</summary>
public sealed class RecordingStream : IConversationStream
{
    private long nextId;

    public ConcurrentDictionary<(string Channel, string ExternalId), InboundInteraction> Appended { get; } = new();

    public Task<AppendResult> AppendAsync(InboundInteraction interaction, CancellationToken cancellationToken)
    {
        var isNew = Appended.TryAdd((interaction.Channel.ToString(), interaction.ExternalId), interaction);
        var id = Interlocked.Increment(ref nextId);
        return Task.FromResult(new AppendResult(ContactId: 1, ConversationId: 1, InteractionId: id, IsDuplicate: !isNew, OpenedConversation: false, Queue: "support"));
    }
}

public sealed class RecordingEventBus : IHubEventBus
{
    public ConcurrentQueue<HubEvent> Published { get; } = new();

    public Task PublishAsync(HubEvent hubEvent)
    {
        Published.Enqueue(hubEvent);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(Action<HubEvent> handler) => throw new NotSupportedException("Webhook tests only publish.");
}

/// <summary>Routing is out of scope for the Twilio adapter; the tests never open a conversation, so nothing is routed.</summary>
public sealed class IdleRouter : IRouter
{
    public Task<Offer?> EnqueueAsync(RoutingTask task) => Task.FromResult<Offer?>(null);

    public Task<IReadOnlyList<Offer>> SetPresenceAsync(long agentId, AgentPresence presence) => throw new NotSupportedException();

    public Task<OfferAnswer> AcceptAsync(long agentId, long conversationId) => throw new NotSupportedException();

    public Task<Offer?> DeclineAsync(long agentId, long conversationId) => throw new NotSupportedException();

    public Task<IReadOnlyList<ExpiredOffer>> ExpireOffersAsync() => throw new NotSupportedException();

    public Task<Offer?> ReleaseAsync(long agentId, long conversationId) => throw new NotSupportedException();

    public Task<AgentRoutingState> GetAgentStateAsync(long agentId) => throw new NotSupportedException();

    public Task<bool> IsKnownAsync(long conversationId) => throw new NotSupportedException();
}
