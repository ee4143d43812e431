using System.Collections.Concurrent;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Core.Tests.Config;

/// <summary>Stands for the router: records what the store side tells it and offers nothing.</summary>
internal sealed class RecordingRouter : IRouter, IRouterControl
{
    public ConcurrentQueue<QueueRoutingConfig> AppliedQueues { get; } = new();

    public ConcurrentQueue<AgentRoutingProfile> AppliedAgents { get; } = new();

    public ConcurrentQueue<(string Queue, bool Open)> OpenChanges { get; } = new();

    public ConcurrentQueue<RoutingTask> Enqueued { get; } = new();

    public Task<IReadOnlyList<Offer>> ApplyQueueAsync(QueueRoutingConfig queue)
    {
        AppliedQueues.Enqueue(queue);
        return Task.FromResult<IReadOnlyList<Offer>>([]);
    }

    public Task<IReadOnlyList<Offer>> ApplyAgentAsync(AgentRoutingProfile agent)
    {
        AppliedAgents.Enqueue(agent);
        return Task.FromResult<IReadOnlyList<Offer>>([]);
    }

    public Task<IReadOnlyList<Offer>> SetQueueOpenAsync(string queue, bool open)
    {
        OpenChanges.Enqueue((queue, open));
        return Task.FromResult<IReadOnlyList<Offer>>([]);
    }

    public Task<Offer?> EnqueueAsync(RoutingTask task)
    {
        Enqueued.Enqueue(task);
        return Task.FromResult<Offer?>(null);
    }

    public Task SetAwayAsync(long agentId, string reason) => throw new NotSupportedException();

    public Task<Offer?> TransferToAgentAsync(long fromAgentId, long conversationId, long toAgentId) => throw new NotSupportedException();

    public Task<Offer?> TransferToQueueAsync(long fromAgentId, long conversationId, string queue, int priority, string basis = "transfer") => throw new NotSupportedException();

    public Task<bool> AbandonAsync(long conversationId) => throw new NotSupportedException();

    public Task<bool> ClaimRebuildAsync() => throw new NotSupportedException();

    public Task RestoreAssignmentAsync(long agentId, long conversationId, string queue, ChannelKind channel) => throw new NotSupportedException();

    public Task<IReadOnlyList<Offer>> SetPresenceAsync(long agentId, AgentPresence presence) => throw new NotSupportedException();

    public Task<OfferAnswer> AcceptAsync(long agentId, long conversationId) => throw new NotSupportedException();

    public Task<Offer?> DeclineAsync(long agentId, long conversationId) => throw new NotSupportedException();

    public Task<IReadOnlyList<ExpiredOffer>> ExpireOffersAsync() => Task.FromResult<IReadOnlyList<ExpiredOffer>>([]);

    public Task<Offer?> ReleaseAsync(long agentId, long conversationId) => throw new NotSupportedException();

    public Task<AgentRoutingState> GetAgentStateAsync(long agentId) => throw new NotSupportedException();

    public Task<bool> IsKnownAsync(long conversationId) => Task.FromResult(Enqueued.Any(t => t.ConversationId == conversationId));
}
