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
    private const string DeclinedSuffix = ":declined";

    /// <summary>Tasks waiting in one queue; score = enqueue time in ms, so the lowest score is served first.</summary>
    public RedisKey Queue(string queue) => queuePrefix + queue;

    /// <summary>One conversation's routing state: queue, channel, enqueuedAt, state, agent, expiresAt.</summary>
    public RedisKey Task(long conversationId) => taskPrefix + conversationId;

    /// <summary>Agents who declined or let the task's offer expire; they are not offered it again.</summary>
    public RedisKey Declined(long conversationId) => taskPrefix + conversationId + DeclinedSuffix;

    /// <summary>One agent's presence, load, capacity, pending offer and idle-since time.</summary>
    public RedisKey Agent(long agentId) => agentPrefix + agentId;

    /// <summary>Agents who could take an offer now; score = idle-since in ms, so the longest idle comes first.</summary>
    public RedisKey AvailableAgents { get; } = $"{prefix}:agents:available";

    /// <summary>Pending offers by conversation id; score = expiry in ms, so the sweep reads only what ran out.</summary>
    public RedisKey Offers { get; } = $"{prefix}:offers";

    /// <summary>Every queue name a task was ever put in, so an agent can be matched across all of them.</summary>
    public RedisKey Queues { get; } = $"{prefix}:queues";

    public RedisChannel Events { get; } = new($"{prefix}:events", RedisChannel.PatternMode.Literal);

    /// <summary>Key templates in the order every script reads them from ARGV[1..4].</summary>
    public RedisValue[] ScriptKeyspace() => [taskPrefix, DeclinedSuffix, agentPrefix, queuePrefix];

    /// <summary>The fixed keys in the order every script reads them from KEYS[1..3].</summary>
    public RedisKey[] ScriptKeys() => [AvailableAgents, Offers, Queues];
}
