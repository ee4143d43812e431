using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

public sealed class QueueOrderTests : IDisposable
{
    private readonly RouterHarness harness = new();

    [Fact]
    public async Task HigherPriorityTaskIsOfferedBeforeAnOlderOneOfLowerPriority()
    {
        await harness.EnqueueAsync(harness.NewTask(1, ageSeconds: 300));
        await harness.EnqueueAsync(harness.NewTask(2, ageSeconds: 5) with { Priority = 5 });
        await harness.EnqueueAsync(harness.NewTask(3, ageSeconds: 600) with { Priority = -1 });

        var first = await harness.GoAvailableAsync(7);
        Assert.Equal(2, first?.ConversationId);
        await harness.AcceptAsync(7, 2);

        Assert.Equal(1, (await harness.StateAsync(7)).PendingOffer?.ConversationId);
        await harness.AcceptAsync(7, 1);
        Assert.Equal(3, (await harness.StateAsync(7)).PendingOffer?.ConversationId);
    }

    [Fact]
    public async Task TasksOfOnePriorityAreOfferedOldestFirst()
    {
        await harness.EnqueueAsync(harness.NewTask(1, ageSeconds: 10) with { Priority = 2 });
        await harness.EnqueueAsync(harness.NewTask(2, ageSeconds: 30) with { Priority = 2 });
        await harness.EnqueueAsync(harness.NewTask(3, ageSeconds: 20) with { Priority = 2 });

        var order = new List<long>();
        for (var agent = 7; agent <= 9; agent++)
        {
            order.Add((await harness.GoAvailableAsync(agent))!.ConversationId);
        }

        Assert.Equal([2L, 3L, 1L], order);
    }

    [Fact]
    public async Task ClosedQueueHoldsItsTasksAndOffersThemWhenOpened()
    {
        await harness.ApplyQueueAsync(new QueueRoutingConfig("night") { IsOpen = false });
        await harness.GoAvailableAsync(7);

        Assert.Null(await harness.EnqueueAsync(harness.NewTask(1, "night")));
        Assert.Null((await harness.StateAsync(7)).PendingOffer);
        Assert.True(await harness.Router.IsKnownAsync(1).WithTimeout());

        var offers = await harness.Router.SetQueueOpenAsync("night", true).WithTimeout();

        Assert.Equal((1L, 7L), (Assert.Single(offers).ConversationId, offers[0].AgentId));
    }

    [Fact]
    public async Task AbandonedTaskLeavesTheQueueAndIsCountedWithShortAbandonsApart()
    {
        await harness.EnqueueAsync(harness.NewTask(1, ageSeconds: 30));
        await harness.EnqueueAsync(harness.NewTask(2, ageSeconds: 3));

        Assert.True(await harness.Router.AbandonAsync(1).WithTimeout());
        Assert.True(await harness.Router.AbandonAsync(2).WithTimeout());
        Assert.False(await harness.Router.AbandonAsync(2).WithTimeout());

        Assert.False(await harness.Router.IsKnownAsync(1).WithTimeout());
        Assert.Null(await harness.GoAvailableAsync(7));
        var queue = Assert.Single((await harness.LiveAsync()).Queues);
        Assert.Equal((2L, 2L, 0, 0.0), (queue.Offered, queue.Abandoned, queue.Waiting, queue.ServiceLevel));
    }

    [Fact]
    public async Task AnsweredTaskCannotBeAbandoned()
    {
        await harness.GoAvailableAsync(7);
        await harness.EnqueueAsync(harness.NewTask(1, channel: ChannelKind.Voice));
        await harness.AcceptAsync(7, 1);

        Assert.False(await harness.Router.AbandonAsync(1).WithTimeout());
        Assert.Equal(1, (await harness.StateAsync(7)).ActiveConversations);
    }

    public void Dispose() => harness.Dispose();
}
