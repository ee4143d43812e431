using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

public sealed class MatchingTests : IDisposable
{
    private readonly RouterHarness harness = new();

    [Fact]
    public async Task TaskEnqueuedWithNoAgentAvailableWaitsUnoffered()
    {
        var offer = await harness.EnqueueAsync(101);

        Assert.Null(offer);
        Assert.True(await harness.Router.IsKnownAsync(101).WithTimeout());
        Assert.False(await harness.Router.IsKnownAsync(102).WithTimeout());
    }

    [Fact]
    public async Task AgentGoingAvailableIsOfferedTheOldestWaitingTask()
    {
        await harness.EnqueueAsync(1, ageSeconds: 5);
        await harness.EnqueueAsync(2, ageSeconds: 30);
        await harness.EnqueueAsync(3, ageSeconds: 10);

        var offer = await harness.GoAvailableAsync(7);

        Assert.Equal(new Offer(2, 7, harness.Clock.GetUtcNow() + harness.OfferTimeout), offer.Plain());
        Assert.Equal(offer, (await harness.StateAsync(7)).PendingOffer);
    }

    [Fact]
    public async Task AgentGoingAvailableIsOfferedTheOldestTaskAcrossAllQueues()
    {
        await harness.EnqueueAsync(1, queue: "sales", ageSeconds: 5);
        await harness.EnqueueAsync(2, queue: "support", ageSeconds: 50);
        await harness.EnqueueAsync(3, queue: "billing", ageSeconds: 20);

        var offer = await harness.GoAvailableAsync(7);

        Assert.Equal(2, offer?.ConversationId);
    }

    [Fact]
    public async Task AgentComingFreeFindsAQueueThatWasEmptiedAndFilledAgain()
    {
        await harness.EnqueueAsync(1, queue: "sales");
        await harness.GoAvailableAsync(7);
        await harness.AcceptAsync(7, 1);
        await harness.ReleaseAsync(7, 1);
        await harness.Router.SetPresenceAsync(7, AgentPresence.Away).WithTimeout();
        await harness.EnqueueAsync(2, queue: "sales");

        var offer = await harness.GoAvailableAsync(7);

        Assert.Equal(2, offer?.ConversationId);
    }

    [Fact]
    public async Task WaitingTasksUnknownToTheQueuesWithWorkAreFoundOnceTheQueueIsApplied()
    {
        // As a router from before the queues-with-work set left them: waiting, but the queue is not marked.
        await harness.EnqueueAsync(1, queue: "sales");
        await TestRedis.Shared.GetDatabase().KeyDeleteAsync(harness.Keys.QueuesWithWork);

        await harness.ApplyQueueAsync(new QueueRoutingConfig("sales"));
        var offer = await harness.GoAvailableAsync(7);

        Assert.Equal(1, offer?.ConversationId);
    }

    [Fact]
    public async Task NewTaskGoesToTheLongestIdleAgent()
    {
        await harness.GoAvailableAsync(30);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.GoAvailableAsync(10);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.GoAvailableAsync(20);

        var first = await harness.EnqueueAsync(1);
        var second = await harness.EnqueueAsync(2);
        var third = await harness.EnqueueAsync(3);

        Assert.Equal([30L, 10L, 20L], [first!.AgentId, second!.AgentId, third!.AgentId]);
    }

    [Fact]
    public async Task AgentWithAPendingOfferIsNotOfferedASecondTask()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(1);

        var second = await harness.EnqueueAsync(2);

        Assert.Null(second);
        Assert.Equal(1, (await harness.StateAsync(7)).PendingOffer?.ConversationId);
    }

    [Fact]
    public async Task EnqueueingATaskAgainWhileQueuedOfferedOrAssignedChangesNothing()
    {
        Assert.Null(await harness.EnqueueAsync(1));
        Assert.Null(await harness.EnqueueAsync(1));

        var offer = await harness.GoAvailableAsync(7);
        Assert.Equal(1, offer?.ConversationId);
        Assert.Null(await harness.EnqueueAsync(1));
        Assert.Equal(offer, (await harness.StateAsync(7)).PendingOffer);

        Assert.Equal(OfferAnswer.Accepted, await harness.Router.AcceptAsync(7, 1).WithTimeout());
        Assert.Null(await harness.EnqueueAsync(1));
        var state = await harness.StateAsync(7);
        Assert.Equal(1, state.ActiveConversations);
        Assert.Null(state.PendingOffer);
    }

    [Fact]
    public async Task UnknownAgentReadsAsOfflineWithNothingAssigned()
    {
        Assert.Equal(new AgentRoutingState(404, AgentPresence.Offline, 0, null), await harness.StateAsync(404));
    }

    public void Dispose() => harness.Dispose();
}
