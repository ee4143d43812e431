using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

/// <summary>The place a waiting customer is told: their rank in the order matching serves the queue.</summary>
public sealed class QueuePositionTests : IDisposable
{
    // One conversation per agent, so an accepted offer leaves the rest waiting.
    private readonly RouterHarness harness = new(capacity: 1);

    [Fact]
    public async Task APlaceFollowsTheServingOrderOfPriorityThenAge()
    {
        await harness.EnqueueAsync(harness.NewTask(1, ageSeconds: 300));
        await harness.EnqueueAsync(harness.NewTask(2, ageSeconds: 5) with { Priority = 5 });
        await harness.EnqueueAsync(harness.NewTask(3, ageSeconds: 10));

        var places = new[] { await PlaceAsync(1), await PlaceAsync(2), await PlaceAsync(3) };

        Assert.Equal([2, 1, 3], places.Select(p => p!.Position));
        Assert.All(places, p => Assert.Equal(("general", "queued"), (p!.Queue, p.State)));
    }

    [Fact]
    public async Task AnOfferedOrAssignedTaskIsNoLongerWaitingAndTheOthersMoveUp()
    {
        await harness.EnqueueAsync(harness.NewTask(1, ageSeconds: 30));
        await harness.EnqueueAsync(harness.NewTask(2, ageSeconds: 20));
        await harness.EnqueueAsync(harness.NewTask(3, ageSeconds: 10));

        await harness.GoAvailableAsync(7);
        var offered = await PlaceAsync(1);
        await harness.AcceptAsync(7, 1);
        var assigned = await PlaceAsync(1);

        Assert.Equal((0, "offered", false), (offered!.Position, offered.State, offered.IsWaiting));
        Assert.Equal((0, "assigned"), (assigned!.Position, assigned.State));
        Assert.Equal(1, (await PlaceAsync(2))!.Position);
        Assert.Equal(2, (await PlaceAsync(3))!.Position);
    }

    [Fact]
    public async Task AConversationTheRouterDoesNotKnowHasNoPlace()
    {
        Assert.Null(await PlaceAsync(404));
    }

    private Task<QueuePlace?> PlaceAsync(long conversationId) => harness.Router.PlaceOfAsync(conversationId).WithTimeout();

    public void Dispose() => harness.Dispose();
}
