using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>
/// The router on Redis: every decision is one Lua function (see <see cref="RoutingLibrary"/>), so nodes racing on the same queue or agent
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
    ILogger<RedisRouter> logger) : IRouter, IRouterControl, IQueueMetrics
{
    // Bounded so one sweep call never holds Redis for long; the loop below comes back for the rest.
    private const int ExpireBatch = 100;

    public async Task<Offer?> EnqueueAsync(RoutingTask task)
    {
        var steps = await RunAsync(RoutingLibrary.Enqueue,
            task.ConversationId, task.Queue, task.Channel.ToWire(), task.EnqueuedAt.ToUnixTimeMilliseconds(),
            ClampPriority(task.Priority), RoutingWire.Skills(task.RequiredSkills),
            task.PreferredAgentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", task.Rule ?? "");
        await AnnounceAsync(steps);
        return FirstOffer(steps);
    }

    public async Task<IReadOnlyList<Offer>> SetPresenceAsync(long agentId, AgentPresence presence)
    {
        var steps = await RunAsync(RoutingLibrary.Presence, agentId, AgentPresenceNames.ToWire(presence), "", RoutingStep.Next);
        await AnnounceAsync(steps);
        return [.. steps.Where(step => step.Tag == RoutingStep.Next).Select(step => step.ToOffer())];
    }

    public async Task<OfferAnswer> AcceptAsync(long agentId, long conversationId)
    {
        var steps = await RunAsync(RoutingLibrary.Accept, agentId, conversationId);
        await AnnounceAsync(steps);
        return steps.Any(step => step.Tag == RoutingStep.Accepted) ? OfferAnswer.Accepted : OfferAnswer.NotOffered;
    }

    public async Task<Offer?> DeclineAsync(long agentId, long conversationId)
    {
        var steps = await RunAsync(RoutingLibrary.Decline, agentId, conversationId);
        await AnnounceAsync(steps);
        return FirstOffer(steps);
    }

    public async Task<IReadOnlyList<ExpiredOffer>> ExpireOffersAsync()
    {
        var expired = new List<ExpiredOffer>();
        while (true)
        {
            var steps = await RunAsync(RoutingLibrary.Expire, ExpireBatch);
            await AnnounceAsync(steps);
            CollectExpired(steps, expired);
            if (!steps.Any(step => step.Tag == RoutingStep.More))
            {
                return expired;
            }
        }
    }

    public async Task<Offer?> ReleaseAsync(long agentId, long conversationId)
    {
        var steps = await RunAsync(RoutingLibrary.Release, agentId, conversationId);
        await AnnounceAsync(steps);
        return FirstOffer(steps);
    }

    public async Task<AgentRoutingState> GetAgentStateAsync(long agentId)
    {
        var f = (RedisResult[])await EvaluateAsync(RoutingLibrary.AgentState, agentId);
        var pending = (long)f[2];
        var stateSince = (long)f[5];
        var wrapUntil = (long)f[7];
        var basis = (string)f[8] ?? "";
        var rule = (string)f[10] ?? "";
        var away = (string)f[6] ?? "";
        Offer? offer = pending == 0 ? null : new Offer(pending, agentId, DateTimeOffset.FromUnixTimeMilliseconds((long)f[3]))
        {
            Reason = basis.Length == 0 ? null : new AssignmentReason(basis, (int)(long)f[9], rule.Length == 0 ? null : rule, (int)(long)f[11]),
        };
        return new AgentRoutingState(agentId, AgentPresenceNames.FromWire((string)f[0]), (int)(long)f[1], offer)
        {
            Activity = AgentPresenceNames.ActivityFromWire((string)f[4]),
            StateSince = stateSince == 0 ? default : DateTimeOffset.FromUnixTimeMilliseconds(stateSince),
            AwayReason = away.Length == 0 ? null : away,
            WrapUpUntil = wrapUntil == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(wrapUntil),
        };
    }

    public Task<bool> IsKnownAsync(long conversationId) => redis.GetDatabase().KeyExistsAsync(keys.Task(conversationId));

    private static Offer? FirstOffer(IReadOnlyList<RoutingStep> steps)
    {
        foreach (var step in steps)
        {
            if (step.Tag == RoutingStep.Next)
            {
                return step.ToOffer();
            }
        }
        return null;
    }

    /// <summary>
    /// The script reports each expired offer, then what followed from it: the next offer of that same task, if one
    /// was made, comes before the next expired offer.
    /// </summary>
    private static void CollectExpired(IReadOnlyList<RoutingStep> steps, List<ExpiredOffer> expired)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Tag != RoutingStep.Expired)
            {
                continue;
            }
            Offer? next = null;
            for (var j = i + 1; j < steps.Count && steps[j].Tag != RoutingStep.Expired; j++)
            {
                if (steps[j].Tag == RoutingStep.Next && steps[j].ConversationId == steps[i].ConversationId)
                {
                    next = steps[j].ToOffer();
                    break;
                }
            }
            expired.Add(new ExpiredOffer(steps[i].ToOffer() with { Reason = null }, next));
        }
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
                RoutingStep.Away => new AgentPresenceChanged(step.AgentId, "away"),
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

    private async Task<IReadOnlyList<RoutingStep>> RunAsync(string function, params RedisValue[] arguments) =>
        RoutingStep.Parse(await EvaluateAsync(function, arguments));

    private async Task<RedisResult> EvaluateAsync(string function, params RedisValue[] arguments)
    {
        var settings = options.Value;
        var scriptKeys = keys.ScriptKeys();
        RedisValue[] values =
        [
            .. keys.ScriptKeyspace(),
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            settings.OfferTimeoutSeconds * 1000L,
            settings.DefaultCapacity,
            settings.MaxConsecutiveTimeouts,
            .. arguments,
        ];
        // FCALL name numkeys key... arg...
        List<object> command = [function, scriptKeys.Length, .. scriptKeys.Cast<object>(), .. values.Cast<object>()];
        var database = redis.GetDatabase();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.ExecuteAsync("FCALL", command);
            }
            catch (RedisServerException error) when (attempt < 3 && error.Message.StartsWith("ERR Function not found", StringComparison.Ordinal))
            {
                // A Redis that never saw this version of the library, or lost it (a flush can land between the
                // load and the retry, hence more than one try): load it and call again.
                await LoadLibraryAsync(database);
            }
            catch (RedisServerException error) when (error.Message.Contains("unknown command", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("The router needs Redis 7.0 or later: this Redis does not know FCALL (Redis functions).", error);
            }
        }
    }

    private async Task LoadLibraryAsync(IDatabase database)
    {
        try
        {
            await database.ExecuteAsync("FUNCTION", "LOAD", RoutingLibrary.Code);
            LogLibraryLoaded(RoutingLibrary.Name);
        }
        catch (RedisServerException error) when (error.Message.Contains("already exists", StringComparison.Ordinal))
        {
            // Another hub loaded the same code first.
        }
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Loaded routing function library {Library} into Redis")]
    private partial void LogLibraryLoaded(string library);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Could not announce a routing change for agent {AgentId} and conversation {ConversationId}; an unseen offer times out and moves on")]
    private partial void LogAnnounceFailed(Exception error, long agentId, long conversationId);
}
