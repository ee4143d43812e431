using ContactHub.Core.Routing;
using StackExchange.Redis;

namespace ContactHub.Routing.Tests;

/// <summary>
/// The routing functions live in Redis. A Redis that lost them (restarted without persistence, flushed, or new)
/// gets them back on the next routing call instead of failing every decision.
/// </summary>
public sealed class FunctionLibraryTests : IDisposable
{
    private readonly RouterHarness harness = new();

    [Fact]
    public async Task RoutingGoesOnAfterRedisLostItsFunctions()
    {
        await harness.GoAvailableAsync(7);

        await TestRedis.Shared.GetDatabase().ExecuteAsync("FUNCTION", "FLUSH");
        var offer = await harness.EnqueueAsync(1001);

        Assert.Equal(7, offer?.AgentId);
        Assert.Equal(OfferAnswer.Accepted, await harness.AcceptAsync(7, 1001));
    }

    public void Dispose() => harness.Dispose();
}
