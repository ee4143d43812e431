using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

public sealed class MetricsTests : IDisposable
{
    private readonly RouterHarness harness = new();

    /// <summary>
    /// One agent (one SMS at a time), a queue with a 20 s service level and 10 s wrap-up. Answered waits 4, 74 and
    /// 106 s; handled 60+10, 30+2 (wrap-up ended early) and 20+10 s; one abandon after 64 s, one short one after 2 s.
    /// </summary>
    [Fact]
    public async Task ScriptedDayGivesExactAsaServiceLevelAhtAndWaitPercentiles()
    {
        await harness.ApplyQueueAsync(new QueueRoutingConfig("support") { ServiceLevelSeconds = 20, WrapUpSeconds = 10 });
        await harness.ApplyAgentAsync(new AgentRoutingProfile(7) { Capacity = new Dictionary<ChannelKind, int> { [ChannelKind.Sms] = 1 } });
        for (var task = 1; task <= 4; task++)
        {
            await harness.EnqueueAsync(harness.NewTask(task, "support"));
        }

        harness.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, (await harness.GoAvailableAsync(7))?.ConversationId);
        await harness.AcceptAsync(7, 1);                       // waited 4 s
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(await harness.Router.AbandonAsync(4).WithTimeout());   // waited 64 s
        await harness.EnqueueAsync(harness.NewTask(5, "support"));
        Assert.Null(await harness.ReleaseAsync(7, 1));          // handled 60 s, wrap-up to +74
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await harness.Router.AbandonAsync(5).WithTimeout());   // short: 2 s

        await harness.AdvanceAndSweepAsync(8);                 // +74: wrap-up over, 70 s handled
        Assert.Equal(2, (await harness.StateAsync(7)).PendingOffer?.ConversationId);
        await harness.AcceptAsync(7, 2);                       // waited 74 s
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        await harness.ReleaseAsync(7, 2);                      // handled 30 s
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(3, (await harness.GoAvailableAsync(7))?.ConversationId);   // wrap-up ended early: 32 s
        await harness.AcceptAsync(7, 3);                       // waited 106 s
        harness.Clock.Advance(TimeSpan.FromSeconds(20));
        await harness.ReleaseAsync(7, 3);                      // handled 20 s, wrap-up to +136
        await harness.AdvanceAndSweepAsync(14);                // sweep late at +140: the wrap-up still counts 10 s

        await harness.Router.SetAwayAsync(7, "lunch").WithTimeout();
        await harness.EnqueueAsync(harness.NewTask(6, "support", ageSeconds: 30));
        harness.Clock.Advance(TimeSpan.FromSeconds(5));

        var live = await harness.LiveAsync();

        var queue = Assert.Single(live.Queues);
        Assert.Equal(("support", 6L, 3L, 2L, 1, 35.0, 20), (queue.Queue, queue.Offered, queue.Answered, queue.Abandoned, queue.Waiting, queue.LongestWaitSeconds, queue.ServiceLevelSeconds));
        Assert.Equal(184.0 / 3, queue.AsaSeconds, 9);
        Assert.Equal(44.0, queue.AhtSeconds, 9);
        // 1 answered within 20 s / (6 offered - 1 short abandon).
        Assert.Equal(0.2, queue.ServiceLevel, 9);
        // Buckets: one answer in [0,5), two in [60,120). p50 rank 1.5 -> 60 + 60 * 0.5/2; p90 rank 2.7 -> 60 + 60 * 1.7/2.
        Assert.Equal(75.0, queue.WaitP50Seconds, 9);
        Assert.Equal(111.0, queue.WaitP90Seconds, 9);
        var agent = Assert.Single(live.Agents);
        Assert.Equal(new AgentLive(7, AgentActivity.Away, 5, "lunch", 0), agent);
        Assert.Equal(harness.Clock.GetUtcNow(), live.At);
    }

    [Fact]
    public async Task LiveMetricsCountAnOfferedTaskAsStillWaitingAndListAgentsByActivity()
    {
        await harness.GoAvailableAsync(7);
        await harness.GoAvailableAsync(8);
        await harness.EnqueueAsync(harness.NewTask(1, ageSeconds: 12, channel: ChannelKind.Voice));
        await harness.AcceptAsync(7, 1);
        await harness.EnqueueAsync(harness.NewTask(2, ageSeconds: 40));
        await harness.Router.SetPresenceAsync(9, AgentPresence.Offline).WithTimeout();

        var live = await harness.LiveAsync();

        var queue = Assert.Single(live.Queues);
        Assert.Equal((1, 40.0, 2L, 1L), (queue.Waiting, queue.LongestWaitSeconds, queue.Offered, queue.Answered));
        Assert.Equal([(7L, AgentActivity.Busy), (8L, AgentActivity.Available), (9L, AgentActivity.Offline)], live.Agents.Select(a => (a.AgentId, a.Activity)));
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0.5, 0.0)]
    [InlineData(new long[] { 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0.5, 0.5)]
    [InlineData(new long[] { 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0.9, 1.8)]
    [InlineData(new long[] { 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0.5, 7.5)]
    [InlineData(new long[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3 }, 0.5, 3600.0)]
    public void WaitPercentilesInterpolateInsideTheirBucket(long[] counts, double quantile, double expected)
    {
        Assert.Equal(expected, WaitHistogram.Estimate(counts, quantile), 9);
    }

    public void Dispose() => harness.Dispose();
}
