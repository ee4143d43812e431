using System.Collections.Immutable;
using System.Text.Json;
using ContactHub.Core.Events;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>
/// Events over Redis pub/sub. A node hears its own publications too, so a console is updated the same way
/// whichever node made the change. One Redis subscription per node fans out to local handlers.
/// </summary>
public sealed partial class RedisEventBus(IConnectionMultiplexer redis, RoutingKeys keys, ILogger<RedisEventBus> logger)
    : IHubEventBus, IDisposable
{
    private readonly Lock gate = new();
    // Copy-on-write, so delivery reads the handlers without taking the lock.
    private ImmutableArray<Action<HubEvent>> handlers = [];
    private bool subscribed;
    private Task? retrying;

    public Task PublishAsync(HubEvent hubEvent) =>
        redis.GetSubscriber().PublishAsync(keys.Events, JsonSerializer.Serialize(hubEvent, HubEventJson.Default.HubEvent));

    public IDisposable Subscribe(Action<HubEvent> handler)
    {
        lock (gate)
        {
            handlers = handlers.Add(handler);
            if (!subscribed && retrying is null)
            {
                try
                {
                    // Synchronous on purpose: when Subscribe returns, the next publication is already heard.
                    redis.GetSubscriber().Subscribe(keys.Events, OnMessage);
                    subscribed = true;
                }
                catch (Exception error) when (error is RedisException or TimeoutException)
                {
                    // Redis is down or slow right now: the hub still starts (it reports not ready) and listens once
                    // Redis answers. Pub/sub keeps nothing for absent listeners, so nothing more is lost than while down.
                    LogSubscribeDeferred(error);
                    retrying = Task.Run(RetrySubscribeAsync);
                }
            }
        }
        return new Subscription(this, handler);
    }

    private async Task RetrySubscribeAsync()
    {
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            try
            {
                await redis.GetSubscriber().SubscribeAsync(keys.Events, OnMessage);
                lock (gate)
                {
                    subscribed = true;
                    retrying = null;
                }
                LogSubscribed();
                return;
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                // Still unreachable: keep trying; the health check reports the outage meanwhile.
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            handlers = [];
            if (subscribed && redis.IsConnected)
            {
                redis.GetSubscriber().Unsubscribe(keys.Events, OnMessage, CommandFlags.FireAndForget);
            }
            subscribed = false;
        }
    }

    private void Remove(Action<HubEvent> handler)
    {
        lock (gate)
        {
            handlers = handlers.Remove(handler);
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        HubEvent? hubEvent;
        try
        {
            hubEvent = JsonSerializer.Deserialize((string?)message ?? "null", HubEventJson.Default.HubEvent);
        }
        catch (JsonException error)
        {
            LogUnreadableEvent(error);
            return;
        }
        if (hubEvent is null)
        {
            return;
        }
        foreach (var handler in handlers)
        {
            // One broken handler must not stop the others, nor the subscription.
            try
            {
                handler(hubEvent);
            }
            catch (Exception error)
            {
                LogHandlerFailed(error, hubEvent.GetType().Name);
            }
        }
    }

    private sealed class Subscription(RedisEventBus bus, Action<HubEvent> handler) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                bus.Remove(handler);
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Ignored an event on the bus that could not be read")]
    private partial void LogUnreadableEvent(Exception error);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Could not subscribe to the event bus yet; retrying every second")]
    private partial void LogSubscribeDeferred(Exception error);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Subscribed to the event bus")]
    private partial void LogSubscribed();

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "An event handler failed on {EventType}; the other handlers still ran")]
    private partial void LogHandlerFailed(Exception error, string eventType);
}
