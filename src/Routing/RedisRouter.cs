using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>
/// The router on Redis: every decision is one Lua script, so nodes racing on the same queue or agent
/// cannot interleave half-made changes.
/// </summary>
/// <remarks>
/// Time comes from this node's <see cref="TimeProvider"/> and is passed to every script rather than read with
/// Redis TIME: one clock for enqueue times, offer deadlines and the sweep, which tests can replace with a fake.
/// Nodes are expected to run NTP; a skew only moves offer deadlines by that skew.
/// </remarks>
public sealed partial class RedisRouter(
    IConnectionMultiplexer redis,
    RoutingKeys keys,
    IOptions<RoutingOptions> options,
    IHubEventBus events,
    TimeProvider time,
    ILogger<RedisRouter> logger) : IRouter
{
    // Bounded so one sweep call never holds Redis for long; the loop below comes back for the rest.
    private const int ExpireBatch = 100;

    public async Task<Offer?> EnqueueAsync(RoutingTask task)
    {
        var steps = await RunAsync(RoutingScripts.Enqueue,
            task.ConversationId, task.Queue, task.Channel.ToWire(), task.EnqueuedAt.ToUnixTimeMilliseconds());
        return FirstOffer(steps);
    }

    public async Task<IReadOnlyList<Offer>> SetPresenceAsync(long agentId, AgentPresence presence)
    {
        var steps = await RunAsync(RoutingScripts.Presence, agentId, AgentPresenceNames.ToWire(presence));
        await AnnounceAsync(steps);
        return [.. steps.Where(step => step.Tag == RoutingStep.Next).Select(step => step.ToOffer())];
    }

    public async Task<OfferAnswer> AcceptAsync(long agentId, long conversationId)
    {
        var steps = await RunAsync(RoutingScripts.Accept, agentId, conversationId);
        await AnnounceAsync(steps);
        return steps.Any(step => step.Tag == RoutingStep.Accepted) ? OfferAnswer.Accepted : OfferAnswer.NotOffered;
    }

    public async Task<Offer?> DeclineAsync(long agentId, long conversationId)
    {
        var steps = await RunAsync(RoutingScripts.Decline, agentId, conversationId);
        await AnnounceAsync(steps);
        return FirstOffer(steps);
    }

    public async Task<IReadOnlyList<ExpiredOffer>> ExpireOffersAsync()
    {
        var expired = new List<ExpiredOffer>();
        while (true)
        {
            var steps = await RunAsync(RoutingScripts.Expire, ExpireBatch);
            await AnnounceAsync(steps);
            var found = CollectExpired(steps, expired);
            if (found < ExpireBatch)
            {
                return expired;
            }
        }
    }

    public async Task<Offer?> ReleaseAsync(long agentId, long conversationId) =>
        FirstOffer(await RunAsync(RoutingScripts.Release, agentId, conversationId));

    public async Task<AgentRoutingState> GetAgentStateAsync(long agentId)
    {
        var fields = (RedisResult[])(await EvaluateAsync(RoutingScripts.AgentState, agentId))!;
        var pending = (long)fields[2];
        return new AgentRoutingState(
            agentId,
            AgentPresenceNames.FromWire((string)fields[0]),
            (int)(long)fields[1],
            pending == 0 ? null : new Offer(pending, agentId, DateTimeOffset.FromUnixTimeMilliseconds((long)fields[3])));
    }

    public Task<bool> IsKnownAsync(long conversationId) => redis.GetDatabase().KeyExistsAsync(keys.Task(conversationId));

    private static Offer? FirstOffer(IReadOnlyList<RoutingStep> steps) =>
        steps.FirstOrDefault(step => step.Tag == RoutingStep.Next) is { Tag: not null } next ? next.ToOffer() : null;

    /// <summary>The script reports each expired offer followed by the next offer of that same task, if one was made.</summary>
    private static int CollectExpired(IReadOnlyList<RoutingStep> steps, List<ExpiredOffer> expired)
    {
        var found = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Tag != RoutingStep.Expired)
            {
                continue;
            }
            found++;
            var next = i + 1 < steps.Count && steps[i + 1].Tag == RoutingStep.Next ? steps[i + 1].ToOffer() : null;
            expired.Add(new ExpiredOffer(steps[i].ToOffer(), next));
        }
        return found;
    }

    /// <summary>
    /// Publishes what the contract cannot hand back to the caller: an offer made to an agent who just became free
    /// as a side effect, or an offer withdrawn when the agent went away. Unannounced, such an offer would sit
    /// unseen until it timed out. A failed publish does not undo the routing decision, which is already made.
    /// </summary>
    private async Task AnnounceAsync(IReadOnlyList<RoutingStep> steps)
    {
        foreach (var step in steps)
        {
            HubEvent? announcement = step.Tag switch
            {
                RoutingStep.Extra => new OfferMade(step.AgentId, step.ConversationId, step.ToOffer().ExpiresAt),
                RoutingStep.Withdrawn => new OfferWithdrawn(step.AgentId, step.ConversationId),
                _ => null,
            };
            if (announcement is null)
            {
                continue;
            }
            try
            {
                await events.PublishAsync(announcement);
            }
            catch (Exception error)
            {
                LogAnnounceFailed(error, step.AgentId, step.ConversationId);
            }
        }
    }

    private async Task<IReadOnlyList<RoutingStep>> RunAsync(string script, params RedisValue[] arguments) =>
        RoutingStep.Parse(await EvaluateAsync(script, arguments));

    private Task<RedisResult> EvaluateAsync(string script, params RedisValue[] arguments)
    {
        var settings = options.Value;
        RedisValue[] values =
        [
            .. keys.ScriptKeyspace(),
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            settings.OfferTimeoutSeconds * 1000L,
            settings.DefaultCapacity,
            .. arguments,
        ];
        return redis.GetDatabase().ScriptEvaluateAsync(script, keys.ScriptKeys(), values);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Could not announce a routing change for agent {AgentId} and conversation {ConversationId}; an unseen offer times out and moves on")]
    private partial void LogAnnounceFailed(Exception error, long agentId, long conversationId);
}
