using ContactHub.Routing;
using StackExchange.Redis;

namespace ContactHub.Routing.Tests;

/// <summary>The real Redis the tests run against. A missing server fails the run loudly: it never skips.</summary>
internal static class TestRedis
{
    public const string Variable = "CONTACTHUB_TEST_REDIS";

    private static readonly Lazy<ConnectionMultiplexer> SharedConnection = new(Connect);

    // Cleanup walks every key of the shared test Redis with SCAN; on a busy machine that outlasts the hub's short sync
    // timeout, and a test must not fail for tidying up.
    private static readonly Lazy<ConnectionMultiplexer> CleanupConnection = new(() => ConnectionMultiplexer.Connect(Address + ",syncTimeout=30000,abortConnect=false"));

    /// <summary>One multiplexer for most tests, as in the hub, where a node shares one.</summary>
    public static ConnectionMultiplexer Shared => SharedConnection.Value;

    public static string Address =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address
            ? address
            : throw new InvalidOperationException(
                $"{Variable} is not set. These tests need a real Redis: start one with " +
                "`redis-server --bind 127.0.0.1 --port 6390 --save '' --appendonly no --daemonize yes` " +
                $"and run `{Variable}=127.0.0.1:6390 dotnet test tests/Routing.Tests`.");

    /// <summary>A separate multiplexer, standing in for a second hub node.</summary>
    public static ConnectionMultiplexer Connect()
    {
        var connection = RedisConnection.Connect(Address);
        if (!connection.IsConnected)
        {
            connection.Dispose();
            throw new InvalidOperationException($"Could not connect to the Redis at {Variable}={Address}.");
        }
        return connection;
    }

    public static string UniquePrefix() => $"test:{Guid.NewGuid():N}";

    /// <summary>Removes a test's keys so a long-lived test Redis does not fill up.</summary>
    public static void DeleteKeys(string prefix)
    {
        var cleanup = CleanupConnection.Value;
        var database = cleanup.GetDatabase();
        foreach (var endpoint in cleanup.GetEndPoints())
        {
            foreach (var key in cleanup.GetServer(endpoint).Keys(pattern: prefix + ":*", pageSize: 1000))
            {
                database.KeyDelete(key);
            }
        }
    }
}
