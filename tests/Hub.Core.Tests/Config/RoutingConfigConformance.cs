using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;

namespace ContactHub.Core.Tests.Config;

/// <summary>What every store provider must do with the routing configuration, from the stores up to the inbound path.</summary>
public abstract class RoutingConfigConformance(StoreProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = Inbound.Timeout;
    private ConfigHarness _config = null!;

    public async Task InitializeAsync() => _config = await ConfigHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _config.DisposeAsync();

    [Fact]
    public async Task TheDefaultQueueGeneralIsSeededAndAlwaysOpen()
    {
        var general = await _config.Queues.GetAsync("general", CancellationToken.None).WaitAsync(Timeout);

        Assert.NotNull(general);
        Assert.Empty(general.Hours.Days);
        Assert.Null(BusinessHours.TryCreate(general.Hours, general.TimeZone, out var hours));
        Assert.True(hours.IsAlwaysOpen);
    }

    [Fact]
    public async Task AQueueRoundTripsWithHoursSkillsOverflowReplyAndEmailSender()
    {
        var queue = Queues.Billing with
        {
            Team = "billing-team",
            RequiredSkills = new Dictionary<string, int> { ["billing"] = 3 },
            Overflow = [new OverflowStep(120, Team: "backoffice"), new OverflowStep(600, Queue: "general")],
            ReplyTimerSeconds = 900,
            WrapUpSeconds = 30,
            EmailFrom = "billing@example.net",
            EmailFromName = "Acme Billing",
            VoicemailAfterSeconds = 300,
            RecordCalls = true,
        };

        var result = await _config.Admin.SaveQueueAsync(queue, CancellationToken.None).WaitAsync(Timeout);
        var stored = await _config.Queues.GetAsync("billing", CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(AdminOutcome.Created, result.Outcome);
        Assert.NotNull(stored);
        Assert.Equal("Europe/Berlin", stored.TimeZone);
        Assert.Equal("09:00-17:00", stored.Hours.Days["mon-fri"]);
        Assert.Equal(["2026-12-25"], stored.Hours.Holidays);
        Assert.Equal(3, stored.RequiredSkills["billing"]);
        Assert.Equal(2, stored.Overflow.Count);
        Assert.Equal("general", stored.Overflow[1].Queue);
        Assert.Equal(900, stored.ReplyTimerSeconds);
        Assert.Equal("We are closed; we answer from 9:00.", stored.OutOfHoursReply);
        Assert.Equal(("billing@example.net", "Acme Billing"), (stored.EmailFrom, stored.EmailFromName));
        Assert.Equal((300, true), (stored.VoicemailAfterSeconds, stored.RecordCalls));
        var config = stored.ToRoutingConfig(isOpen: false);
        Assert.Equal("billing-team", config.Team);
        Assert.False(config.IsOpen);
        Assert.Equal(30, config.WrapUpSeconds);
    }

    [Fact]
    public async Task SavingRulesReplacesTheWholeListAndKeepsItsOrder()
    {
        await _config.Admin.SaveQueueAsync(Queues.Billing, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("old", "billing")], CancellationToken.None).WaitAsync(Timeout);

        var result = await _config.Admin.ReplaceRulesAsync(
            [
                new RoutingRule("vip", "billing", AttributeKey: "vip", AttributeValue: "true", Priority: 50) { RequiredSkills = new Dictionary<string, int> { ["vip"] = 2 } },
                new RoutingRule("invoices", "billing", Channel: "email", Keyword: "invoice"),
                new RoutingRule("everything else", "general"),
            ],
            CancellationToken.None).WaitAsync(Timeout);
        var stored = await _config.Rules.ListAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(AdminOutcome.Saved, result.Outcome);
        Assert.Equal(["vip", "invoices", "everything else"], stored.Select(r => r.Name));
        Assert.Equal(50, stored[0].Priority);
        Assert.Equal(2, stored[0].RequiredSkills["vip"]);
        Assert.Null(stored[1].Priority);
        Assert.Equal("email", stored[1].Channel);
    }

    [Fact]
    public async Task ARuleNamingAnUnknownQueueIsRefusedAndTheOldRulesStay()
    {
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("keep", "general", Keyword: "hello")], CancellationToken.None).WaitAsync(Timeout);

        var result = await _config.Admin.ReplaceRulesAsync([new RoutingRule("bad", "nowhere")], CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(AdminOutcome.Invalid, result.Outcome);
        Assert.Contains("unknown queue 'nowhere'", result.Error);
        Assert.Equal(["keep"], (await _config.Rules.ListAsync(CancellationToken.None).WaitAsync(Timeout)).Select(r => r.Name));
    }

    [Fact]
    public async Task AQueueARuleRoutesToCannotBeDeleted()
    {
        await _config.Admin.SaveQueueAsync(Queues.Billing, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("billing words", "billing", Keyword: "invoice")], CancellationToken.None).WaitAsync(Timeout);

        var refused = await _config.Admin.DeleteQueueAsync("billing", CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([], CancellationToken.None).WaitAsync(Timeout);
        var deleted = await _config.Admin.DeleteQueueAsync("billing", CancellationToken.None).WaitAsync(Timeout);
        var general = await _config.Admin.DeleteQueueAsync("general", CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(AdminOutcome.Conflict, refused.Outcome);
        Assert.Equal(AdminOutcome.Deleted, deleted.Outcome);
        Assert.Equal(AdminOutcome.Invalid, general.Outcome);
        Assert.Null(await _config.Queues.GetAsync("billing", CancellationToken.None).WaitAsync(Timeout));
    }

    [Fact]
    public async Task AnAgentProfileRoundTripsSkillsTeamAndCapacityPerChannel()
    {
        var agent = await _config.Users.UpsertAsync("ada", "Ada", "agent", "password1", CancellationToken.None).WaitAsync(Timeout);
        var input = new AgentProfileInput("billing-team", new Dictionary<string, int> { ["billing"] = 4, ["german"] = 2 }, new Dictionary<string, int> { ["voice"] = 1, ["sms"] = 5 });

        var result = await _config.Admin.SaveAgentProfileAsync(agent.Id, input, CancellationToken.None).WaitAsync(Timeout);
        var stored = await _config.Profiles.GetAsync(agent.Id, CancellationToken.None).WaitAsync(Timeout);
        var unknown = await _config.Admin.SaveAgentProfileAsync(agent.Id + 1000, input, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(AdminOutcome.Saved, result.Outcome);
        Assert.NotNull(stored);
        Assert.Equal("billing-team", stored.Team);
        Assert.Equal(4, stored.Skills["billing"]);
        Assert.Equal(5, stored.Capacity[ChannelKind.Sms]);
        Assert.Equal(1, stored.Capacity[ChannelKind.Voice]);
        Assert.Equal(AdminOutcome.NotFound, unknown.Outcome);
    }

    [Fact]
    public async Task ContactAttributesRoundTripAndAnUnknownContactIsReported()
    {
        var pipeline = await _config.StartPipelineAsync();
        var first = await pipeline.AcceptAsync(Inbound.Sms("+15555550111", "hello"), CancellationToken.None).WaitAsync(Timeout);

        var before = await _config.Attributes.GetAsync(first.ContactId, CancellationToken.None).WaitAsync(Timeout);
        var saved = await _config.Admin.SetContactAttributesAsync(first.ContactId, new Dictionary<string, string> { ["VIP"] = "true", ["language"] = "de" }, CancellationToken.None).WaitAsync(Timeout);
        var after = await _config.Attributes.GetAsync(first.ContactId, CancellationToken.None).WaitAsync(Timeout);
        var missing = await _config.Admin.SetContactAttributesAsync(first.ContactId + 1000, new Dictionary<string, string> { ["vip"] = "true" }, CancellationToken.None).WaitAsync(Timeout);

        Assert.NotNull(before);
        Assert.Empty(before);
        Assert.Equal(AdminOutcome.Saved, saved.Outcome);
        Assert.Equal("true", after!["vip"]);
        Assert.Equal("de", after["language"]);
        Assert.Equal(AdminOutcome.NotFound, missing.Outcome);
    }

    [Fact]
    public async Task ANewConversationWaitsInTheQueueOfTheFirstMatchingRuleWithItsPriorityAndSkills()
    {
        await _config.Admin.SaveQueueAsync(Queues.Billing with { Hours = BusinessHoursSpec.AlwaysOpen }, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync(
            [
                new RoutingRule("refunds", "billing", Keyword: "refund", Priority: 40) { RequiredSkills = new Dictionary<string, int> { ["refunds"] = 2 } },
                new RoutingRule("sms catch-all", "general", Channel: "sms", Priority: 5),
            ],
            CancellationToken.None).WaitAsync(Timeout);
        var pipeline = await _config.StartPipelineAsync();

        var refund = await pipeline.AcceptAsync(Inbound.Sms("+15555550112", "I want a REFUND please"), CancellationToken.None).WaitAsync(Timeout);
        var other = await pipeline.AcceptAsync(Inbound.Sms("+15555550113", "my refunded order"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("billing", refund.Queue);
        Assert.Equal("billing", (await _config.Conversations.GetAsync(refund.ConversationId, CancellationToken.None).WaitAsync(Timeout))!.Queue);
        var task = _config.Router.Enqueued.Single(t => t.ConversationId == refund.ConversationId);
        Assert.Equal(("billing", 40, "refunds", 2), (task.Queue, task.Priority, task.Rule, task.RequiredSkills["refunds"]));
        Assert.Equal(("general", 5, "sms catch-all"), (other.Queue, other.Priority, other.Rule));
        var stored = (await _config.Conversations.GetAsync(refund.ConversationId, CancellationToken.None).WaitAsync(Timeout))!;
        Assert.Equal((40, "refunds", 2), (stored.Priority, stored.Rule, stored.RequiredSkills["refunds"]));
    }

    [Fact]
    public async Task AttributeRulesApplyFromTheCustomersSecondConversation()
    {
        await _config.Admin.SaveQueueAsync(Queues.Billing with { Name = "vip", Hours = BusinessHoursSpec.AlwaysOpen }, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("vip customers", "vip", AttributeKey: "vip", AttributeValue: "TRUE")], CancellationToken.None).WaitAsync(Timeout);
        var pipeline = await _config.StartPipelineAsync();

        var first = await pipeline.AcceptAsync(Inbound.Sms("+15555550114", "hi"), CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.SetContactAttributesAsync(first.ContactId, new Dictionary<string, string> { ["vip"] = "true" }, CancellationToken.None).WaitAsync(Timeout);
        await _config.Conversations.SetStateAsync(first.ConversationId, ConversationState.Resolved, CancellationToken.None).WaitAsync(Timeout);
        var second = await pipeline.AcceptAsync(Inbound.Sms("+15555550114", "hi again"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("general", first.Queue);
        Assert.Null(first.Rule);
        Assert.True(second.OpenedConversation);
        Assert.Equal(("vip", "vip customers"), (second.Queue, second.Rule));
    }

    [Fact]
    public async Task AReturningCustomerPrefersTheirLastAgentOnlyWithinTheQueuesStickyWindow()
    {
        await _config.Admin.SaveQueueAsync(Queues.Billing with { Name = "sticky", Hours = BusinessHoursSpec.AlwaysOpen, StickySeconds = 3600 }, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("all sms", "sticky", Channel: "sms")], CancellationToken.None).WaitAsync(Timeout);
        var agent = await _config.Users.UpsertAsync("kim", "Kim", "agent", "password-123", CancellationToken.None).WaitAsync(Timeout);
        var pipeline = await _config.StartPipelineAsync();
        var first = await pipeline.AcceptAsync(Inbound.Sms("+15555550131", "hello"), CancellationToken.None).WaitAsync(Timeout);
        await _config.Conversations.AssignAsync(first.ConversationId, agent.Id, CancellationToken.None).WaitAsync(Timeout);
        await _config.Conversations.SetStateAsync(first.ConversationId, ConversationState.Resolved, CancellationToken.None).WaitAsync(Timeout);

        _config.Time.Advance(TimeSpan.FromMinutes(30));
        var withinWindow = await pipeline.AcceptAsync(Inbound.Sms("+15555550131", "one more thing"), CancellationToken.None).WaitAsync(Timeout);
        await _config.Conversations.SetStateAsync(withinWindow.ConversationId, ConversationState.Resolved, CancellationToken.None).WaitAsync(Timeout);
        _config.Time.Advance(TimeSpan.FromHours(2));
        var afterWindow = await pipeline.AcceptAsync(Inbound.Sms("+15555550131", "back again"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(agent.Id, _config.Router.Enqueued.Single(t => t.ConversationId == withinWindow.ConversationId).PreferredAgentId);
        Assert.Null(_config.Router.Enqueued.Single(t => t.ConversationId == afterWindow.ConversationId).PreferredAgentId);
    }

    [Fact]
    public async Task AConversationOpenedWhileItsQueueIsClosedGetsTheOutOfHoursReplyOnce()
    {
        // Monday 2026-01-05 20:00 in Berlin: after hours.
        _config.Time.SetUtcNow(new DateTimeOffset(2026, 1, 5, 19, 0, 0, TimeSpan.Zero));
        await _config.Admin.SaveQueueAsync(Queues.Billing, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("billing", "billing", Keyword: "invoice")], CancellationToken.None).WaitAsync(Timeout);
        var pipeline = await _config.StartPipelineAsync();

        var first = await pipeline.AcceptAsync(Inbound.Sms("+15555550115", "about my invoice"), CancellationToken.None).WaitAsync(Timeout);
        var second = await pipeline.AcceptAsync(Inbound.Sms("+15555550115", "hello? invoice?"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(first.ConversationId, second.ConversationId);
        var replies = (await _config.Conversations.InteractionsAsync(first.ConversationId, CancellationToken.None).WaitAsync(Timeout))
            .Where(i => i.Direction == InteractionDirection.Out).ToList();
        var reply = Assert.Single(replies);
        Assert.Equal("We are closed; we answer from 9:00.", reply.Text);
        Assert.Null(reply.AuthorAgentId);
        var events = await _config.EventLog.ListAsync(first.ConversationId, CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal(ConversationEventKinds.OutOfHours, Assert.Single(events).Kind);
        Assert.Single(_config.Router.Enqueued, t => t.ConversationId == first.ConversationId && t.Queue == "billing");
    }

    [Fact]
    public async Task AnEmailCustomerOpeningSeveralThreadsOutOfHoursGetsOneAutomaticReplyPerWindowEvenFromARestartedNode()
    {
        // Monday 2026-01-05 20:00 in Berlin: after hours; the default window is 4 hours.
        _config.Time.SetUtcNow(new DateTimeOffset(2026, 1, 5, 19, 0, 0, TimeSpan.Zero));
        await _config.Admin.SaveQueueAsync(Queues.Billing, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("billing", "billing", Keyword: "invoice")], CancellationToken.None).WaitAsync(Timeout);
        var pipeline = await _config.StartPipelineAsync();
        const string customer = "ines@example.com";

        var first = await pipeline.AcceptAsync(Inbound.Email(customer, "t1@example.com", "invoice 1"), CancellationToken.None).WaitAsync(Timeout);
        var second = await pipeline.AcceptAsync(Inbound.Email(customer, "t2@example.com", "invoice 2"), CancellationToken.None).WaitAsync(Timeout);
        var otherCustomer = await pipeline.AcceptAsync(Inbound.Email("omar@example.com", "o1@example.com", "invoice"), CancellationToken.None).WaitAsync(Timeout);
        _config.Time.Advance(TimeSpan.FromHours(3));
        var restartedNode = await _config.StartPipelineAsync();
        var third = await restartedNode.AcceptAsync(Inbound.Email(customer, "t3@example.com", "invoice 3"), CancellationToken.None).WaitAsync(Timeout);
        _config.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var afterWindow = await restartedNode.AcceptAsync(Inbound.Email(customer, "t4@example.com", "invoice 4"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(4, new[] { first, second, third, afterWindow }.Select(r => r.ConversationId).Distinct().Count());
        int[] replies =
        [
            await RepliesAsync(first.ConversationId), await RepliesAsync(second.ConversationId), await RepliesAsync(otherCustomer.ConversationId),
            await RepliesAsync(third.ConversationId), await RepliesAsync(afterWindow.ConversationId),
        ];
        Assert.Equal([1, 0, 1, 0, 1], replies);
    }

    [Fact]
    public async Task AZeroWindowLiftsThePerAddressLimit()
    {
        _config.Time.SetUtcNow(new DateTimeOffset(2026, 1, 5, 19, 0, 0, TimeSpan.Zero));
        _config.AutomaticReplies.PerAddressWindow = TimeSpan.Zero;
        await _config.Admin.SaveQueueAsync(Queues.Billing, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("billing", "billing", Keyword: "invoice")], CancellationToken.None).WaitAsync(Timeout);
        var pipeline = await _config.StartPipelineAsync();

        var first = await pipeline.AcceptAsync(Inbound.Email("ines@example.com", "z1@example.com", "invoice 1"), CancellationToken.None).WaitAsync(Timeout);
        var second = await pipeline.AcceptAsync(Inbound.Email("ines@example.com", "z2@example.com", "invoice 2"), CancellationToken.None).WaitAsync(Timeout);

        int[] replies = [await RepliesAsync(first.ConversationId), await RepliesAsync(second.ConversationId)];
        Assert.Equal([1, 1], replies);
    }

    private async Task<int> RepliesAsync(long conversationId) =>
        (await _config.Conversations.InteractionsAsync(conversationId, CancellationToken.None).WaitAsync(Timeout)).Count(i => i.Direction == InteractionDirection.Out);

    [Fact]
    public async Task AnAutomatedMessageGetsNoOutOfHoursReplySoTwoRobotsNeverAnswerEachOther()
    {
        _config.Time.SetUtcNow(new DateTimeOffset(2026, 1, 5, 19, 0, 0, TimeSpan.Zero));
        await _config.Admin.SaveQueueAsync(Queues.Billing, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("billing", "billing", Keyword: "invoice")], CancellationToken.None).WaitAsync(Timeout);
        var pipeline = await _config.StartPipelineAsync();

        var autoReply = Inbound.Sms("+15555550116", "Out of office re: your invoice") with { IsAutomated = true };
        var opened = await pipeline.AcceptAsync(autoReply, CancellationToken.None).WaitAsync(Timeout);

        var interactions = await _config.Conversations.InteractionsAsync(opened.ConversationId, CancellationToken.None).WaitAsync(Timeout);
        Assert.DoesNotContain(interactions, i => i.Direction == InteractionDirection.Out);
    }

    [Fact]
    public async Task AConversationOpenedWhileItsQueueIsOpenGetsNoOutOfHoursReply()
    {
        // Monday 2026-01-05 10:00 in Berlin.
        _config.Time.SetUtcNow(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await _config.Admin.SaveQueueAsync(Queues.Billing, CancellationToken.None).WaitAsync(Timeout);
        await _config.Admin.ReplaceRulesAsync([new RoutingRule("billing", "billing", Keyword: "invoice")], CancellationToken.None).WaitAsync(Timeout);
        var pipeline = await _config.StartPipelineAsync();

        var opened = await pipeline.AcceptAsync(Inbound.Sms("+15555550116", "invoice"), CancellationToken.None).WaitAsync(Timeout);

        var interactions = await _config.Conversations.InteractionsAsync(opened.ConversationId, CancellationToken.None).WaitAsync(Timeout);
        Assert.DoesNotContain(interactions, i => i.Direction == InteractionDirection.Out);
    }
}

public sealed class SqliteRoutingConfigTests() : RoutingConfigConformance(StoreProvider.Sqlite);

public sealed class PostgresRoutingConfigTests() : RoutingConfigConformance(StoreProvider.Postgres);
