using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ContactHub.Routing;

/// <summary>Readiness: a node that cannot reach Redis can neither route nor fan out events.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Name = "redis";
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await PingAsync(redis).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer PING.", error);
        }
    }

    /// <summary>Round trip to Redis; throws when it is unreachable.</summary>
    public static Task<TimeSpan> PingAsync(IConnectionMultiplexer redis) => redis.GetDatabase().PingAsync();
}
