using ContactHub.Core.Domain;

namespace ContactHub.Core.Routing;

/// <summary>What an agent is doing, as supervisors see it. Busy is derived: available but with no free capacity.</summary>
public enum AgentActivity
{
    Offline,
    Available,
    Busy,
    Away,
    WrapUp,
}

/// <summary>How a queue routes. Pushed to the router by the store-side configuration whenever an admin edits it.</summary>
public sealed record QueueRoutingConfig(string Name)
{
    /// <summary>Answered within this many seconds counts towards the service level.</summary>
    public int ServiceLevelSeconds { get; init; } = 60;

    public int OfferTimeoutSeconds { get; init; } = 20;

    /// <summary>Wrap-up after a conversation of this queue is resolved; 0 = none.</summary>
    public int WrapUpSeconds { get; init; }

    /// <summary>Prefer the customer's last agent for this long after their last conversation; 0 = never.</summary>
    public int StickySeconds { get; init; }

    /// <summary>Skill name -> minimum level every candidate needs (a task may add more).</summary>
    public IReadOnlyDictionary<string, int> RequiredSkills { get; init; } = new Dictionary<string, int>();

    /// <summary>Only agents of this team, until an overflow step widens the target; null = anyone.</summary>
    public string? Team { get; init; }

    /// <summary>Multi-step targets: after N seconds of waiting, widen to another team (or anyone) or move to another queue.</summary>
    public IReadOnlyList<OverflowStep> Overflow { get; init; } = [];

    /// <summary>Closed queues hold their tasks (no offers) until they open again.</summary>
    public bool IsOpen { get; init; } = true;

    /// <summary>Repeated offer timeouts in a row after which the agent is set away.</summary>
    public int MaxConsecutiveTimeouts { get; init; } = 2;
}

/// <param name="Team">Widen the target to this team; null with a null <paramref name="Queue"/> widens to every agent.</param>
/// <param name="Queue">Move the task to this queue instead.</param>
public sealed record OverflowStep(int AfterSeconds, string? Team = null, string? Queue = null);

/// <summary>An agent's routing attributes: skills with levels, team, capacity per channel.</summary>
public sealed record AgentRoutingProfile(long AgentId)
{
    public IReadOnlyDictionary<string, int> Skills { get; init; } = new Dictionary<string, int>();

    public string? Team { get; init; }

    /// <summary>Concurrent conversations per channel. Missing channels use <see cref="DefaultCapacity"/>.</summary>
    public IReadOnlyDictionary<ChannelKind, int> Capacity { get; init; } = new Dictionary<ChannelKind, int>();

    public static int DefaultCapacity(ChannelKind channel) => channel switch
    {
        ChannelKind.Voice => 1,
        ChannelKind.Email => 5,
        _ => 3,
    };
}

/// <summary>Why an offer went to this agent: shown to supervisors on the conversation.</summary>
/// <param name="Basis">longest-idle, sticky, overflow, transfer or reclaimed.</param>
/// <param name="Step">0 for the queue's own target, N for the Nth overflow step.</param>
public sealed record AssignmentReason(string Basis, int CandidatesConsidered, string? Rule, int Step);

/// <summary>Router operations beyond the offer cycle: configuration, transfers, take-backs, rebuild, abandonment.</summary>
public interface IRouterControl
{
    Task<IReadOnlyList<Offer>> ApplyQueueAsync(QueueRoutingConfig queue);

    Task<IReadOnlyList<Offer>> ApplyAgentAsync(AgentRoutingProfile agent);

    Task<IReadOnlyList<Offer>> SetQueueOpenAsync(string queue, bool open);

    /// <summary>Away with a reason (lunch, training...). Withdraws a pending offer.</summary>
    Task SetAwayAsync(long agentId, string reason);

    /// <summary>Offers the conversation to one named agent; frees the sender's capacity only when the receiver accepts.</summary>
    Task<Offer?> TransferToAgentAsync(long fromAgentId, long conversationId, long toAgentId);

    /// <summary>Frees the sender's capacity and queues the conversation in <paramref name="queue"/> with the given priority.</summary>
    Task<Offer?> TransferToQueueAsync(long fromAgentId, long conversationId, string queue, int priority, string basis = "transfer");

    /// <summary>The customer left before anyone answered: counts as abandoned, task removed.</summary>
    Task<bool> AbandonAsync(long conversationId);

    /// <summary>True for exactly one caller after the routing state was lost (or on first start): that caller rebuilds.</summary>
    Task<bool> ClaimRebuildAsync();

    /// <summary>Rebuild after a Redis loss: records an assignment the store knows, consuming the agent's capacity.</summary>
    Task RestoreAssignmentAsync(long agentId, long conversationId, string queue, ChannelKind channel);
}

public sealed record QueueLive(
    string Queue,
    int Waiting,
    double LongestWaitSeconds,
    long Offered,
    long Answered,
    long Abandoned,
    double AsaSeconds,
    double AhtSeconds,
    double ServiceLevel,
    int ServiceLevelSeconds,
    double WaitP50Seconds,
    double WaitP90Seconds);

public sealed record AgentLive(long AgentId, AgentActivity Activity, double SecondsInState, string? AwayReason, int ActiveConversations);

public sealed record LiveQueues(IReadOnlyList<QueueLive> Queues, IReadOnlyList<AgentLive> Agents, DateTimeOffset At);

/// <summary>
/// Live queue metrics from incremental counters kept beside the routing state (never a scan of interactions).
/// Counters cover the current UTC day. Service level = answered within the queue's threshold / offered,
/// where offered excludes abandons shorter than 5 s (short abandons are not the centre's failure).
/// </summary>
public interface IQueueMetrics
{
    Task<LiveQueues> GetLiveAsync();
}
