using ContactHub.Core.Events;
using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

public sealed class TimeoutAndPresenceTests : IDisposable
{
    private readonly RouterHarness harness = new();

    [Fact]
    public async Task OfferIsNotTakenBackBeforeItsDeadline()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(1);
        harness.Clock.Advance(harness.OfferTimeout - TimeSpan.FromMilliseconds(1));

        Assert.Empty(await harness.Router.ExpireOffersAsync().WithTimeout());
        Assert.Equal(OfferAnswer.Accepted, await harness.Router.AcceptAsync(7, 1).WithTimeout());
    }

    [Fact]
    public async Task TimedOutOfferIsRequeuedAndOfferedToTheNextAgent()
    {
        await harness.GoAvailableAsync(7);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.GoAvailableAsync(8);
        var first = await harness.EnqueueAsync(1);
        harness.Clock.Advance(harness.OfferTimeout);

        var expired = Assert.Single(await harness.Router.ExpireOffersAsync().WithTimeout());

        Assert.Equal(first.Plain(), expired.Expired);
        Assert.Equal(new Offer(1, 8, harness.Clock.GetUtcNow() + harness.OfferTimeout), expired.Next.Plain());
        Assert.Null((await harness.StateAsync(7)).PendingOffer);
        Assert.Empty(await harness.Router.ExpireOffersAsync().WithTimeout());
    }

    [Fact]
    public async Task TimedOutTaskKeepsItsPlaceAtTheFrontOfTheQueue()
    {
        await harness.EnqueueAsync(1, ageSeconds: 60);
        await harness.EnqueueAsync(2, ageSeconds: 30);
        await harness.GoAvailableAsync(7);
        harness.Clock.Advance(harness.OfferTimeout);

        var expired = Assert.Single(await harness.Router.ExpireOffersAsync().WithTimeout());
        Assert.Null(expired.Next);
        // The agent who let task 1 lapse is not offered it again, but is free for task 2.
        Assert.Equal(2, (await harness.StateAsync(7)).PendingOffer?.ConversationId);
        Assert.Contains(harness.Events.Published, e => e is OfferMade { AgentId: 7, ConversationId: 2 });

        await harness.EnqueueAsync(3, ageSeconds: 45);
        var newcomer = await harness.GoAvailableAsync(8);
        Assert.Equal(1, newcomer?.ConversationId);
    }

    [Fact]
    public async Task GoingAwayWithdrawsThePendingOfferAndOffersItToSomeoneElse()
    {
        await harness.GoAvailableAsync(7);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.GoAvailableAsync(8);
        await harness.EnqueueAsync(1);

        var offers = await harness.Router.SetPresenceAsync(7, AgentPresence.Away).WithTimeout();

        Assert.Equal(8, Assert.Single(offers).AgentId);
        Assert.Equal((AgentPresence.Away, 0, (Offer?)null), (await harness.StateAsync(7)).Basics());
        Assert.Contains(new OfferWithdrawn(7, 1), harness.Events.Published);
        Assert.Equal(OfferAnswer.NotOffered, await harness.Router.AcceptAsync(7, 1).WithTimeout());
    }

    [Fact]
    public async Task AgentWhoIsAwayOrOfflineIsNotOfferedNewTasks()
    {
        await harness.GoAvailableAsync(7);
        await harness.Router.SetPresenceAsync(7, AgentPresence.Away).WithTimeout();
        await harness.GoAvailableAsync(8);
        await harness.Router.SetPresenceAsync(8, AgentPresence.Offline).WithTimeout();

        Assert.Null(await harness.EnqueueAsync(1));
        Assert.Equal(AgentPresence.Offline, (await harness.StateAsync(8)).Presence);
    }

    [Fact]
    public async Task TaskWithdrawnByGoingAwayIsOfferedAgainWhenTheAgentReturns()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(1);

        Assert.Empty(await harness.Router.SetPresenceAsync(7, AgentPresence.Away).WithTimeout());
        var offer = await harness.GoAvailableAsync(7);

        Assert.Equal(1, offer?.ConversationId);
    }

    [Fact]
    public async Task AgentOfflineKeepsItsAssignedConversationsCounted()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(1);
        await harness.Router.AcceptAsync(7, 1).WithTimeout();

        await harness.Router.SetPresenceAsync(7, AgentPresence.Offline).WithTimeout();

        Assert.Equal((AgentPresence.Offline, 1, (Offer?)null), (await harness.StateAsync(7)).Basics());
    }

    public void Dispose() => harness.Dispose();
}
