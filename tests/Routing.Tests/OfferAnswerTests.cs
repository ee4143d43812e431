using ContactHub.Core.Events;
using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

public sealed class OfferAnswerTests : IDisposable
{
    private readonly RouterHarness harness = new(capacity: 2);

    [Fact]
    public async Task AcceptAssignsTheTaskOnlyToTheAgentItWasOfferedTo()
    {
        await harness.GoAvailableAsync(7);
        await harness.GoAvailableAsync(8);
        var offer = await harness.EnqueueAsync(1);
        Assert.Equal(7, offer?.AgentId);

        Assert.Equal(OfferAnswer.NotOffered, await harness.Router.AcceptAsync(8, 1).WithTimeout());
        Assert.Equal(OfferAnswer.Accepted, await harness.Router.AcceptAsync(7, 1).WithTimeout());
        Assert.Equal(OfferAnswer.NotOffered, await harness.Router.AcceptAsync(7, 1).WithTimeout());

        Assert.Equal((AgentPresence.Available, 1, (Offer?)null), (await harness.StateAsync(7)).Basics());
        Assert.Equal((AgentPresence.Available, 0, (Offer?)null), (await harness.StateAsync(8)).Basics());
    }

    [Fact]
    public async Task AcceptAfterTheOfferExpiredIsRefused()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(1);
        harness.Clock.Advance(harness.OfferTimeout);

        Assert.Equal(OfferAnswer.NotOffered, await harness.Router.AcceptAsync(7, 1).WithTimeout());
        Assert.Equal(0, (await harness.StateAsync(7)).ActiveConversations);
    }

    [Fact]
    public async Task AgentIsNeverOfferedMoreConversationsThanItsCapacity()
    {
        await harness.GoAvailableAsync(7);
        for (var conversation = 1; conversation <= 3; conversation++)
        {
            await harness.EnqueueAsync(conversation, ageSeconds: 10 - conversation);
        }
        Assert.Equal(OfferAnswer.Accepted, await harness.Router.AcceptAsync(7, 1).WithTimeout());
        Assert.Equal(OfferAnswer.Accepted, await harness.Router.AcceptAsync(7, 2).WithTimeout());

        var state = await harness.StateAsync(7);

        Assert.Equal(2, state.ActiveConversations);
        Assert.Null(state.PendingOffer);
        Assert.Equal(OfferAnswer.NotOffered, await harness.Router.AcceptAsync(7, 3).WithTimeout());
    }

    [Fact]
    public async Task AcceptWithSpareCapacityAnnouncesTheNextWaitingTaskToTheSameAgent()
    {
        await harness.EnqueueAsync(1, ageSeconds: 20);
        await harness.EnqueueAsync(2, ageSeconds: 10);
        await harness.GoAvailableAsync(7);

        Assert.Equal(OfferAnswer.Accepted, await harness.Router.AcceptAsync(7, 1).WithTimeout());

        var expires = harness.Clock.GetUtcNow() + harness.OfferTimeout;
        Assert.Equal(new Offer(2, 7, expires), (await harness.StateAsync(7)).PendingOffer.Plain());
        Assert.Contains(new OfferMade(7, 2, expires), harness.Events.Published);
    }

    [Fact]
    public async Task DeclinedTaskIsOfferedToAnotherAgentAndNeverBackToTheDecliner()
    {
        await harness.GoAvailableAsync(7);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.GoAvailableAsync(8);
        await harness.EnqueueAsync(1);

        var next = await harness.Router.DeclineAsync(7, 1).WithTimeout();
        Assert.Equal(8, next?.AgentId);

        var afterSecondDecline = await harness.Router.DeclineAsync(8, 1).WithTimeout();
        Assert.Null(afterSecondDecline);
        Assert.Null((await harness.StateAsync(7)).PendingOffer);
        Assert.True(await harness.Router.IsKnownAsync(1).WithTimeout());

        var newcomer = await harness.GoAvailableAsync(9);
        Assert.Equal(1, newcomer?.ConversationId);
    }

    [Fact]
    public async Task DecliningAnOfferThatIsNotYoursChangesNothing()
    {
        await harness.GoAvailableAsync(7);
        var offer = await harness.EnqueueAsync(1);

        Assert.Null(await harness.Router.DeclineAsync(8, 1).WithTimeout());
        Assert.Equal(offer, (await harness.StateAsync(7)).PendingOffer);
    }

    [Fact]
    public async Task DeclinerIsFreeForOtherWaitingWork()
    {
        await harness.EnqueueAsync(1, ageSeconds: 20);
        await harness.EnqueueAsync(2, ageSeconds: 10);
        await harness.GoAvailableAsync(7);

        Assert.Null(await harness.Router.DeclineAsync(7, 1).WithTimeout());

        Assert.Equal(2, (await harness.StateAsync(7)).PendingOffer?.ConversationId);
        Assert.Contains(harness.Events.Published, e => e is OfferMade { AgentId: 7, ConversationId: 2 });
    }

    [Fact]
    public async Task ReleaseFreesCapacityAndOffersTheNextWaitingTask()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(1, ageSeconds: 30);
        await harness.Router.AcceptAsync(7, 1).WithTimeout();
        await harness.EnqueueAsync(2, ageSeconds: 20);
        await harness.Router.AcceptAsync(7, 2).WithTimeout();
        await harness.EnqueueAsync(3, ageSeconds: 10);
        Assert.Null((await harness.StateAsync(7)).PendingOffer);

        var next = await harness.Router.ReleaseAsync(7, 1).WithTimeout();

        Assert.Equal(3, next?.ConversationId);
        Assert.Equal(7, next?.AgentId);
        Assert.Equal(1, (await harness.StateAsync(7)).ActiveConversations);
        Assert.False(await harness.Router.IsKnownAsync(1).WithTimeout());
    }

    [Fact]
    public async Task ReleasingTwiceOrByAnotherAgentDoesNotFreeCapacityTwice()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(1);
        await harness.Router.AcceptAsync(7, 1).WithTimeout();
        await harness.EnqueueAsync(2);
        await harness.Router.AcceptAsync(7, 2).WithTimeout();

        await harness.Router.ReleaseAsync(8, 1).WithTimeout();
        await harness.Router.ReleaseAsync(7, 1).WithTimeout();
        await harness.Router.ReleaseAsync(7, 1).WithTimeout();

        Assert.Equal(1, (await harness.StateAsync(7)).ActiveConversations);
    }

    public void Dispose() => harness.Dispose();
}
