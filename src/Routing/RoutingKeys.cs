using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>
/// The one place that names Redis keys and channels. The Lua scripts find agents and queues while they run,
/// so they get the key templates from here (<see cref="ScriptKeyspace"/>) rather than spelling names themselves.
/// </summary>
/// <remarks>
/// Scripts touch keys they discover at run time, which Redis Cluster only tolerates when every key hashes to one
/// slot: a prefix with a hash tag such as "{ch}" does that, and a single Redis needs nothing.
/// </remarks>
public sealed class RoutingKeys(string prefix)
{
    private readonly string taskPrefix = $"{prefix}:task:";
    private readonly string agentPrefix = $"{prefix}:agent:";
    private readonly string queuePrefix = $"{prefix}:queue:";
    private readonly string queueConfigPrefix = $"{prefix}:queuecfg:";
    private readonly string statsPrefix = $"{prefix}:stats:";
    private readonly string availablePrefix = $"{prefix}:agents:available:";
    private const string DeclinedSuffix = ":declined";

    /// <summary>Tasks waiting in one queue; score = -priority * 1e13 + enqueue ms, so the lowest score is served first.</summary>
    public RedisKey Queue(string queue) => queuePrefix + queue;

    /// <summary>One queue's routing configuration (<see cref="Core.Routing.QueueRoutingConfig"/>).</summary>
    public RedisKey QueueConfig(string queue) => queueConfigPrefix + queue;

    /// <summary>One queue's counters for one UTC day (days since the epoch): offered, answered, waits, histogram...</summary>
    public RedisKey Stats(string queue, long utcDay) => $"{statsPrefix}{queue}:{utcDay}";

    /// <summary>One conversation's routing state: queue, channel, priority, skills, state, agent, expiry, reason.</summary>
    public RedisKey Task(long conversationId) => taskPrefix + conversationId;

    /// <summary>Agents who declined or let the task's offer expire; they are not offered it again.</summary>
    public RedisKey Declined(long conversationId) => taskPrefix + conversationId + DeclinedSuffix;

    /// <summary>One agent's presence, skills, team, capacity and load per channel, pending offer, activity.</summary>
    public RedisKey Agent(long agentId) => agentPrefix + agentId;

    /// <summary>Agents who could take an offer of this channel now; score = idle-since ms, longest idle first.</summary>
    public RedisKey AvailableAgents(string channel) => availablePrefix + channel;

    /// <summary>Pending offers by conversation id; score = expiry in ms, so the sweep reads only what ran out.</summary>
    public RedisKey Offers { get; } = $"{prefix}:offers";

    /// <summary>Every queue name a task was ever put in or configured, for live metrics.</summary>
    public RedisKey Queues { get; } = $"{prefix}:queues";

    /// <summary>
    /// Queues that may have waiting tasks (every queue with one, and perhaps some just emptied), so an agent coming
    /// free looks only there rather than in every queue.
    /// </summary>
    public RedisKey QueuesWithWork { get; } = $"{prefix}:queues-with-work";

    /// <summary>Every agent the router has seen, for live metrics.</summary>
    public RedisKey Agents { get; } = $"{prefix}:agents";

    /// <summary>Agents in wrap-up; score = wrap-up end ms, so the sweep reads only what ended.</summary>
    public RedisKey WrapUps { get; } = $"{prefix}:wrapups";

    /// <summary>Waiting tasks with an overflow step ahead; score = when it is due in ms.</summary>
    public RedisKey OverflowDue { get; } = $"{prefix}:overflow";

    /// <summary>Present while the routing state is intact; its absence means Redis lost it and the store must rebuild it.</summary>
    public RedisKey RebuildMarker { get; } = $"{prefix}:built";

    public RedisChannel Events { get; } = new($"{prefix}:events", RedisChannel.PatternMode.Literal);

    /// <summary>Key templates in the order every script reads them from its args[1..7].</summary>
    public RedisValue[] ScriptKeyspace() =>
        [taskPrefix, DeclinedSuffix, agentPrefix, queuePrefix, queueConfigPrefix, statsPrefix, availablePrefix];

    /// <summary>The fixed keys in the order every script reads them from its keys[1..6].</summary>
    public RedisKey[] ScriptKeys() => [Offers, Queues, Agents, WrapUps, OverflowDue, QueuesWithWork];
}
