using System.Collections.Concurrent;
using ContactHub.Core.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactHub.Routing.Tests;

public sealed class RedisEventBusTests : IDisposable
{
    private readonly string prefix = TestRedis.UniquePrefix();
    private readonly RedisEventBus here;
    private readonly RedisEventBus otherNode;
    private readonly StackExchange.Redis.ConnectionMultiplexer otherConnection = TestRedis.Connect();

    public RedisEventBusTests()
    {
        here = new RedisEventBus(TestRedis.Shared, new RoutingKeys(prefix), NullLogger<RedisEventBus>.Instance);
        otherNode = new RedisEventBus(otherConnection, new RoutingKeys(prefix), NullLogger<RedisEventBus>.Instance);
    }

    [Fact]
    public async Task EventPublishedOnOneNodeReachesASubscriberOnAnother()
    {
        var received = new TaskCompletionSource<HubEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = here.Subscribe(e => received.TrySetResult(e));
        var sent = new OfferMade(7, 42, new DateTimeOffset(2026, 1, 5, 9, 0, 20, TimeSpan.Zero));

        await otherNode.PublishAsync(sent).WithTimeout();

        Assert.Equal(sent, await received.Task.WithTimeout());
    }

    [Fact]
    public async Task PublishingNodeHearsItsOwnEvents()
    {
        var received = new TaskCompletionSource<HubEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = here.Subscribe(e => received.TrySetResult(e));

        await here.PublishAsync(new AgentPresenceChanged(7, "available")).WithTimeout();

        Assert.Equal(new AgentPresenceChanged(7, "available"), await received.Task.WithTimeout());
    }

    [Fact]
    public async Task DisposedSubscriptionReceivesNothingMore()
    {
        var stopped = new ConcurrentQueue<HubEvent>();
        var stillListening = new EventCollector();
        var subscription = here.Subscribe(stopped.Enqueue);
        using var other = here.Subscribe(stillListening.Add);
        await otherNode.PublishAsync(new OfferWithdrawn(7, 1)).WithTimeout();
        await stillListening.WaitForAsync(1);

        subscription.Dispose();
        await otherNode.PublishAsync(new OfferWithdrawn(7, 2)).WithTimeout();
        // Pub/sub keeps order per connection, so once the second event reached the other handler it was not held back.
        await stillListening.WaitForAsync(2);

        Assert.Equal([new OfferWithdrawn(7, 1)], stopped);
    }

    [Fact]
    public async Task FailingHandlerDoesNotStopDeliveryToItselfOrOthers()
    {
        var calls = 0;
        var collector = new EventCollector();
        using var failing = here.Subscribe(_ =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("A console broke.");
        });
        using var healthy = here.Subscribe(collector.Add);

        await otherNode.PublishAsync(new ConversationStateChanged(1, 2, "resolved")).WithTimeout();
        await otherNode.PublishAsync(new ConversationStateChanged(1, 2, "open")).WithTimeout();
        await collector.WaitForAsync(2);

        Assert.Equal(2, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task EveryEventKindSurvivesTheTripBetweenNodes()
    {
        HubEvent[] sent =
        [
            new InteractionAppended(1, 2, 3, null),
            new InteractionStatusChanged(1, 2, 3, "delivered"),
            new OfferMade(4, 2, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1))),
            new OfferWithdrawn(4, 2),
            new ConversationAssigned(4, 2, 1),
            new ConversationStateChanged(2, 1, "resolved"),
            new AgentPresenceChanged(4, "away"),
            new ContactsMerged(1, 9),
            new ContactOptOutChanged(1),
        ];
        var collector = new EventCollector();
        using var subscription = here.Subscribe(collector.Add);

        foreach (var hubEvent in sent)
        {
            await otherNode.PublishAsync(hubEvent).WithTimeout();
        }

        Assert.Equal(sent, await collector.WaitForAsync(sent.Length));
    }

    [Fact]
    public async Task ASubscriberThatStartsWhileRedisIsDownHearsEventsOnceRedisIsUp()
    {
        var port = FreePort();
        using var early = RedisConnection.Connect($"127.0.0.1:{port},connectTimeout=500");
        using var bus = new RedisEventBus(early, new RoutingKeys(prefix), NullLogger<RedisEventBus>.Instance);
        var collector = new EventCollector();

        using var subscription = bus.Subscribe(collector.Add);
        using var redis = System.Diagnostics.Process.Start("redis-server", $"--bind 127.0.0.1 --port {port} --save \"\" --appendonly no")!;
        try
        {
            using var publisherConnection = await WaitForRedisAsync(port);
            using var publisher = new RedisEventBus(publisherConnection, new RoutingKeys(prefix), NullLogger<RedisEventBus>.Instance);
            var sent = new AgentPresenceChanged(7, "available");
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (collector.Count == 0 && DateTime.UtcNow < deadline)
            {
                await publisher.PublishAsync(sent).WithTimeout();
                await Task.Delay(200);
            }
            Assert.Equal(sent, (await collector.WaitForAsync(1))[0]);
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync().WithTimeout();
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<StackExchange.Redis.ConnectionMultiplexer> WaitForRedisAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=500");
            if (connection.IsConnected || DateTime.UtcNow > deadline)
            {
                return connection;
            }
            connection.Dispose();
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        here.Dispose();
        otherNode.Dispose();
        otherConnection.Dispose();
    }
}
