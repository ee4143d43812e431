using ContactHub.Core.Config;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactHub.Core.Tests.Config;

/// <summary>The store-side routing configuration wired as the host wires it, over one provider, a fake clock and a recording router.</summary>
internal sealed class ConfigHarness : IAsyncDisposable
{
    private ConfigHarness(StoreHarness store, DateTimeOffset now)
    {
        Store = store;
        Time = new FakeTimeProvider(now);
        Queues = new QueueStore(store.Connections, Time);
        Rules = new RoutingRuleStore(store.Connections);
        Profiles = new AgentProfileStore(store.Connections, Time);
        Attributes = new ContactAttributes(store.Connections);
        Users = new UserStore(store.Connections, Time);
        State = new RoutingConfigState(Queues, Rules, Profiles);
        Sync = new RoutingConfigSync(State, Router, Bus, Time, NullLogger<RoutingConfigSync>.Instance);
        Admin = new RoutingAdministration(Queues, Rules, Profiles, Attributes, Users, Sync);
        Conversations = new ConversationRepository(store.Connections, Time);
        EventLog = new ConversationEventLog(store.Connections, Time);
    }

    public StoreHarness Store { get; }

    public FakeTimeProvider Time { get; }

    public RecordingRouter Router { get; } = new();

    public CollectingEventBus Bus { get; } = new();

    public QueueStore Queues { get; }

    public RoutingRuleStore Rules { get; }

    public AgentProfileStore Profiles { get; }

    public ContactAttributes Attributes { get; }

    public UserStore Users { get; }

    public RoutingConfigState State { get; }

    public RoutingConfigSync Sync { get; }

    public RoutingAdministration Admin { get; }

    public ConversationRepository Conversations { get; }

    public ConversationEventLog EventLog { get; }

    public AutomaticReplyOptions AutomaticReplies { get; } = new();

    public static async Task<ConfigHarness> CreateAsync(StoreProvider provider, DateTimeOffset? now = null) =>
        new(await StoreHarness.CreateAsync(provider), now ?? new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The inbound path as the host runs it: the rule engine picks the queue, the pipeline routes and replies out of hours.</summary>
    public async Task<InboundPipeline> StartPipelineAsync()
    {
        var stream = await Store.StartStreamAsync(new RuleEngine(State));
        var outbox = new Outbox(Store.Connections, Time);
        var replier = new OutOfHoursReplier(
            State, outbox, new OutboxSignal(), EventLog, new OptOuts(Store.Connections), Bus, new AutomaticReplyLimits(Store.Connections, Time), Options.Create(AutomaticReplies), Time);
        return new InboundPipeline(stream, Router, Bus, replier, new StickyAgents(State, Conversations, Time), Time, NullLogger<InboundPipeline>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await Sync.StopAsync(CancellationToken.None);
        Sync.Dispose();
        await Store.DisposeAsync();
    }
}
