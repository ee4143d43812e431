using ContactHub.Core.Domain;

namespace ContactHub.Core.Routing;

public enum AgentPresence
{
    Offline,
    Available,
    Away,
}

/// <summary>A conversation waiting for an agent. The task id is the conversation id: one task per conversation.</summary>
public sealed record RoutingTask(long ConversationId, string Queue, ChannelKind Channel, DateTimeOffset EnqueuedAt)
{
    /// <summary>Higher goes first; FIFO by age within one priority.</summary>
    public int Priority { get; init; }

    /// <summary>Skills this task needs on top of its queue's (skill -> minimum level).</summary>
    public IReadOnlyDictionary<string, int> RequiredSkills { get; init; } = new Dictionary<string, int>();

    /// <summary>The customer's last agent, preferred while the queue's sticky window lasts.</summary>
    public long? PreferredAgentId { get; init; }

    /// <summary>The routing rule that chose the queue, kept for the assignment's "why".</summary>
    public string? Rule { get; init; }
}

/// <summary>An offer (reservation) of one task to one agent, valid until <see cref="ExpiresAt"/>.</summary>
public sealed record Offer(long ConversationId, long AgentId, DateTimeOffset ExpiresAt)
{
    public AssignmentReason? Reason { get; init; }
}

public enum OfferAnswer
{
    Accepted,
    /// <summary>The offer expired or was never this agent's.</summary>
    NotOffered,
}

public sealed record AgentRoutingState(long AgentId, AgentPresence Presence, int ActiveConversations, Offer? PendingOffer)
{
    public AgentActivity Activity { get; init; }

    public DateTimeOffset StateSince { get; init; }

    public string? AwayReason { get; init; }

    public DateTimeOffset? WrapUpUntil { get; init; }
}

/// <summary>The router: queues, presence and offers. Every state change is atomic in the backing store.</summary>
public interface IRouter
{
    /// <summary>Queues the task (idempotent: a task already queued, offered or assigned is left alone) and offers it if an agent is free.</summary>
    Task<Offer?> EnqueueAsync(RoutingTask task);

    Task<IReadOnlyList<Offer>> SetPresenceAsync(long agentId, AgentPresence presence);

    Task<OfferAnswer> AcceptAsync(long agentId, long conversationId);

    /// <summary>Returns the task to its queue and offers it to someone else if possible.</summary>
    Task<Offer?> DeclineAsync(long agentId, long conversationId);

    /// <summary>Takes back every offer whose time ran out and re-offers the tasks.</summary>
    Task<IReadOnlyList<ExpiredOffer>> ExpireOffersAsync();

    /// <summary>Frees the agent's capacity when a conversation is resolved or transferred.</summary>
    Task<Offer?> ReleaseAsync(long agentId, long conversationId);

    Task<AgentRoutingState> GetAgentStateAsync(long agentId);

    Task<bool> IsKnownAsync(long conversationId);
}

public sealed record ExpiredOffer(Offer Expired, Offer? Next);
