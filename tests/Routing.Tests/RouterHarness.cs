using ContactHub.Core.Domain;
using ContactHub.Core.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ContactHub.Routing.Tests;

/// <summary>A router on the test Redis under a key prefix of its own, with a manual clock.</summary>
internal sealed class RouterHarness : IDisposable
{
    public RouterHarness(int capacity = 3, int offerTimeoutSeconds = 20)
    {
        Options = new RoutingOptions { KeyPrefix = TestRedis.UniquePrefix(), DefaultCapacity = capacity, OfferTimeoutSeconds = offerTimeoutSeconds };
        Keys = new RoutingKeys(Options.KeyPrefix);
        Router = CreateRouter(TestRedis.Shared);
    }

    public RoutingOptions Options { get; }

    public RoutingKeys Keys { get; }

    public ManualClock Clock { get; } = new();

    public RecordingEventBus Events { get; } = new();

    public RedisRouter Router { get; }

    public TimeSpan OfferTimeout => TimeSpan.FromSeconds(Options.OfferTimeoutSeconds);

    /// <summary>Another router on the same keys, e.g. on a second multiplexer standing in for another node.</summary>
    public RedisRouter CreateRouter(IConnectionMultiplexer connection) =>
        new(connection, Keys, Microsoft.Extensions.Options.Options.Create(Options), Events, Clock, NullLogger<RedisRouter>.Instance);

    /// <summary>Enqueues a conversation as having arrived <paramref name="ageSeconds"/> before now.</summary>
    public Task<Offer?> EnqueueAsync(long conversationId, string queue = "general", int ageSeconds = 0) =>
        Router.EnqueueAsync(new RoutingTask(conversationId, queue, ChannelKind.Sms, Clock.GetUtcNow().AddSeconds(-ageSeconds))).WithTimeout();

    public async Task<Offer?> GoAvailableAsync(long agentId) =>
        (await Router.SetPresenceAsync(agentId, AgentPresence.Available).WithTimeout()).SingleOrDefault();

    public Task<AgentRoutingState> StateAsync(long agentId) => Router.GetAgentStateAsync(agentId).WithTimeout();

    /// <summary>A task that arrived <paramref name="ageSeconds"/> before now.</summary>
    public RoutingTask NewTask(long conversationId, string queue = "general", ChannelKind channel = ChannelKind.Sms, int ageSeconds = 0) =>
        new(conversationId, queue, channel, Clock.GetUtcNow().AddSeconds(-ageSeconds));

    public Task<Offer?> EnqueueAsync(RoutingTask task) => Router.EnqueueAsync(task).WithTimeout();

    public Task<IReadOnlyList<Offer>> ApplyQueueAsync(QueueRoutingConfig queue) => Router.ApplyQueueAsync(queue).WithTimeout();

    public Task<IReadOnlyList<Offer>> ApplyAgentAsync(AgentRoutingProfile agent) => Router.ApplyAgentAsync(agent).WithTimeout();

    public Task<OfferAnswer> AcceptAsync(long agentId, long conversationId) => Router.AcceptAsync(agentId, conversationId).WithTimeout();

    public Task<Offer?> ReleaseAsync(long agentId, long conversationId) => Router.ReleaseAsync(agentId, conversationId).WithTimeout();

    public Task<IReadOnlyList<ExpiredOffer>> SweepAsync() => Router.ExpireOffersAsync().WithTimeout();

    /// <summary>Moves the clock and runs the sweep, as the supervisor's 500 ms tick would.</summary>
    public Task<IReadOnlyList<ExpiredOffer>> AdvanceAndSweepAsync(int seconds)
    {
        Clock.Advance(TimeSpan.FromSeconds(seconds));
        return SweepAsync();
    }

    public Task<LiveQueues> LiveAsync() => Router.GetLiveAsync().WithTimeout();

    public void Dispose() => TestRedis.DeleteKeys(Options.KeyPrefix);
}
