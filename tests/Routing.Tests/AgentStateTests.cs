using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

public sealed class AgentStateTests : IDisposable
{
    private readonly RouterHarness harness = new();

    [Fact]
    public async Task VoiceAndChatCapacityAreCountedApart()
    {
        await harness.ApplyAgentAsync(new AgentRoutingProfile(7) { Capacity = new Dictionary<ChannelKind, int> { [ChannelKind.Voice] = 1, [ChannelKind.WebChat] = 3 } });
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(harness.NewTask(1, channel: ChannelKind.Voice));
        Assert.Equal(OfferAnswer.Accepted, await harness.AcceptAsync(7, 1));

        Assert.Null(await harness.EnqueueAsync(harness.NewTask(2, channel: ChannelKind.Voice)));
        Assert.Equal(AgentActivity.Busy, (await harness.StateAsync(7)).Activity);
        for (var chat = 10; chat < 13; chat++)
        {
            Assert.Equal(7, (await harness.EnqueueAsync(harness.NewTask(chat, channel: ChannelKind.WebChat)))?.AgentId);
            Assert.Equal(OfferAnswer.Accepted, await harness.AcceptAsync(7, chat));
            // Busy only once every channel the agent works on is full: the call alone, then the call and three chats.
            Assert.Equal(chat < 12 ? AgentActivity.Available : AgentActivity.Busy, (await harness.StateAsync(7)).Activity);
        }

        Assert.Null(await harness.EnqueueAsync(harness.NewTask(13, channel: ChannelKind.WebChat)));
        var state = await harness.StateAsync(7);
        Assert.Equal((4, AgentActivity.Busy), (state.ActiveConversations, state.Activity));

        // A chat ending frees a chat slot only: the waiting chat is offered, the waiting call is not.
        Assert.Equal(13, (await harness.ReleaseAsync(7, 10))?.ConversationId);
    }

    [Fact]
    public async Task AgentWithoutAProfileGetsOneCallAndChatLikeDefaults()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(harness.NewTask(1, channel: ChannelKind.Voice));
        await harness.AcceptAsync(7, 1);

        Assert.Null(await harness.EnqueueAsync(harness.NewTask(2, channel: ChannelKind.Voice)));
        Assert.Equal(7, (await harness.EnqueueAsync(harness.NewTask(3, channel: ChannelKind.Email)))?.AgentId);
    }

    [Fact]
    public async Task AwayWithAReasonWithdrawsThePendingOfferAndReoffersIt()
    {
        await harness.GoAvailableAsync(7);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.GoAvailableAsync(8);
        await harness.EnqueueAsync(harness.NewTask(1));

        await harness.Router.SetAwayAsync(7, "lunch").WithTimeout();

        var state = await harness.StateAsync(7);
        Assert.Equal((AgentPresence.Away, AgentActivity.Away, "lunch", (Offer?)null), (state.Presence, state.Activity, state.AwayReason, state.PendingOffer));
        Assert.Equal(harness.Clock.GetUtcNow(), state.StateSince);
        Assert.Contains(new OfferWithdrawn(7, 1), harness.Events.Published);
        Assert.Contains(harness.Events.Published, e => e is OfferMade { AgentId: 8, ConversationId: 1 });
        Assert.Equal(1, (await harness.StateAsync(8)).PendingOffer?.ConversationId);
    }

    [Fact]
    public async Task TwoMissedOffersInARowSetTheAgentAwayForMissedOffers()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(harness.NewTask(1));
        await harness.EnqueueAsync(harness.NewTask(2));
        await harness.AdvanceAndSweepAsync(harness.Options.OfferTimeoutSeconds);
        Assert.Equal(AgentPresence.Available, (await harness.StateAsync(7)).Presence);
        Assert.Equal(2, (await harness.StateAsync(7)).PendingOffer?.ConversationId);

        await harness.AdvanceAndSweepAsync(harness.Options.OfferTimeoutSeconds);

        var state = await harness.StateAsync(7);
        Assert.Equal((AgentPresence.Away, "missed offers", (Offer?)null), (state.Presence, state.AwayReason, state.PendingOffer));
        Assert.Contains(new AgentPresenceChanged(7, "away"), harness.Events.Published);
    }

    [Fact]
    public async Task AnAcceptBetweenMissedOffersResetsTheCount()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(harness.NewTask(1, ageSeconds: 3));
        await harness.EnqueueAsync(harness.NewTask(2, ageSeconds: 2));
        await harness.EnqueueAsync(harness.NewTask(3, ageSeconds: 1));
        await harness.AdvanceAndSweepAsync(harness.Options.OfferTimeoutSeconds);
        await harness.AcceptAsync(7, 2);
        await harness.AdvanceAndSweepAsync(harness.Options.OfferTimeoutSeconds);

        Assert.Equal(AgentPresence.Available, (await harness.StateAsync(7)).Presence);
    }

    [Fact]
    public async Task ReleaseStartsTheQueuesWrapUpAndTheSweepEndsIt()
    {
        await harness.ApplyQueueAsync(new QueueRoutingConfig("general") { WrapUpSeconds = 30 });
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(harness.NewTask(1));
        await harness.AcceptAsync(7, 1);

        Assert.Null(await harness.ReleaseAsync(7, 1));
        Assert.Null(await harness.EnqueueAsync(harness.NewTask(3)));
        var wrapping = await harness.StateAsync(7);
        Assert.Equal((AgentActivity.WrapUp, harness.Clock.GetUtcNow().AddSeconds(30)), (wrapping.Activity, wrapping.WrapUpUntil));
        Assert.Null(wrapping.PendingOffer);

        await harness.AdvanceAndSweepAsync(29);
        Assert.Equal(AgentActivity.WrapUp, (await harness.StateAsync(7)).Activity);
        await harness.AdvanceAndSweepAsync(1);

        var after = await harness.StateAsync(7);
        Assert.Equal((AgentActivity.Available, (DateTimeOffset?)null, 3L), (after.Activity, after.WrapUpUntil, after.PendingOffer?.ConversationId ?? 0));
    }

    [Fact]
    public async Task GoingAvailableEndsWrapUpEarly()
    {
        await harness.ApplyQueueAsync(new QueueRoutingConfig("general") { WrapUpSeconds = 60 });
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(harness.NewTask(1));
        await harness.AcceptAsync(7, 1);
        await harness.ReleaseAsync(7, 1);
        await harness.EnqueueAsync(harness.NewTask(2));
        harness.Clock.Advance(TimeSpan.FromSeconds(5));

        var offer = await harness.GoAvailableAsync(7);

        Assert.Equal(2, offer?.ConversationId);
        Assert.Equal((AgentActivity.Available, harness.Clock.GetUtcNow()), ((await harness.StateAsync(7)).Activity, (await harness.StateAsync(7)).StateSince));
    }

    [Fact]
    public async Task RestoringAnAssignmentConsumesCapacityOnceHoweverOftenItIsRepeated()
    {
        await harness.GoAvailableAsync(7);
        await harness.Router.RestoreAssignmentAsync(7, 1, "general", ChannelKind.Voice).WithTimeout();
        await harness.Router.RestoreAssignmentAsync(7, 1, "general", ChannelKind.Voice).WithTimeout();

        Assert.Equal((1, AgentActivity.Busy), ((await harness.StateAsync(7)).ActiveConversations, (await harness.StateAsync(7)).Activity));
        Assert.Null(await harness.EnqueueAsync(harness.NewTask(2, channel: ChannelKind.Voice)));
        Assert.Equal(7, (await harness.EnqueueAsync(harness.NewTask(3, channel: ChannelKind.Sms)))?.AgentId);
        await harness.AcceptAsync(7, 3);
        Assert.True(await harness.Router.IsKnownAsync(1).WithTimeout());

        Assert.Equal(2, (await harness.ReleaseAsync(7, 1))?.ConversationId ?? 0);
    }

    public void Dispose() => harness.Dispose();
}
