using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ContactHub.Routing.Tests;

public sealed class RoutingExtensionsTests
{
    [Fact]
    public async Task AddRedisRouterWiresRouterBusAndOptionsOnOneSharedConnection()
    {
        var prefix = TestRedis.UniquePrefix();
        using var provider = Build(new()
        {
            ["ConnectionStrings:Redis"] = TestRedis.Address,
            ["Routing:KeyPrefix"] = prefix,
            ["Routing:OfferTimeoutSeconds"] = "45",
        });

        var options = provider.GetRequiredService<IOptions<RoutingOptions>>().Value;
        Assert.Equal((prefix, 45, 3), (options.KeyPrefix, options.OfferTimeoutSeconds, options.DefaultCapacity));
        Assert.IsType<RedisRouter>(provider.GetRequiredService<IRouter>());
        Assert.Same(provider.GetRequiredService<IRouter>(), provider.GetRequiredService<IRouterControl>());
        Assert.Same(provider.GetRequiredService<IRouter>(), provider.GetRequiredService<IQueueMetrics>());
        Assert.Same(provider.GetRequiredService<RedisEventBus>(), provider.GetRequiredService<IHubEventBus>());
        Assert.Same(provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetRequiredService<IConnectionMultiplexer>());

        var router = provider.GetRequiredService<IRouter>();
        await router.SetPresenceAsync(1, AgentPresence.Available).WithTimeout();
        var offer = await router.EnqueueAsync(new RoutingTask(9, "general", Core.Domain.ChannelKind.Email, DateTimeOffset.UtcNow)).WithTimeout();
        Assert.Equal(1, offer?.AgentId);
        Assert.True(await provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .KeyExistsAsync(new RoutingKeys(prefix).Task(9)).WithTimeout());
        TestRedis.DeleteKeys(prefix);
    }

    [Fact]
    public async Task ReadinessIsHealthyWhenRedisAnswersPing()
    {
        using var provider = Build(new() { ["ConnectionStrings:Redis"] = TestRedis.Address });

        var report = await provider.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains(RedisHealthCheck.ReadyTag)).WithTimeout();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Contains(RedisHealthCheck.Name, report.Entries.Keys);
    }

    [Fact]
    public async Task ReadinessIsUnhealthyWhenRedisIsUnreachable()
    {
        // Port 1 on loopback refuses connections; the hub still starts because the connection never aborts.
        using var provider = Build(new() { ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200,syncTimeout=500" });

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync().WithTimeout();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddRedisRouter(configuration);
        return services.BuildServiceProvider();
    }
}
