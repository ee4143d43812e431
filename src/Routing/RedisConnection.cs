using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>Opens the node's one shared multiplexer.</summary>
public static class RedisConnection
{
    public const string DefaultConfiguration = "127.0.0.1:6379";

    /// <summary>Never aborts on a failed first connect: the hub starts, reports not ready, and reconnects when Redis is back.</summary>
    public static ConnectionMultiplexer Connect(string? configuration)
    {
        var options = ConfigurationOptions.Parse(string.IsNullOrWhiteSpace(configuration) ? DefaultConfiguration : configuration);
        options.AbortOnConnectFail = false;
        // The few synchronous calls (the event bus's subscribe) must not fail a start on a busy machine after 1 s.
        if (!(configuration ?? "").Contains("syncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            options.SyncTimeout = 5000;
        }
        return ConnectionMultiplexer.Connect(options);
    }
}
