using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ContactHub.Routing;

public static class RoutingExtensions
{
    /// <summary>
    /// The Redis router and event bus on one shared multiplexer (ConnectionStrings:Redis), options from "Routing",
    /// and a "redis" health check tagged "ready" for /health/ready.
    /// </summary>
    public static IServiceCollection AddRedisRouter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeyPrefix), "Routing:KeyPrefix must not be empty.")
            .Validate(o => o.OfferTimeoutSeconds > 0, "Routing:OfferTimeoutSeconds must be positive.")
            .Validate(o => o.DefaultCapacity > 0, "Routing:DefaultCapacity must be positive.")
            .Validate(o => o.MaxConsecutiveTimeouts > 0, "Routing:MaxConsecutiveTimeouts must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConnectionMultiplexer>(_ => RedisConnection.Connect(configuration.GetConnectionString("Redis")));
        services.AddSingleton(sp => new RoutingKeys(sp.GetRequiredService<IOptions<RoutingOptions>>().Value.KeyPrefix));
        services.AddSingleton<RedisEventBus>();
        services.AddSingleton<IHubEventBus>(sp => sp.GetRequiredService<RedisEventBus>());
        // One router behind the contracts: the offer cycle, its control operations, the live metrics and queue places.
        services.AddSingleton<RedisRouter>();
        services.AddSingleton<IRouter>(sp => sp.GetRequiredService<RedisRouter>());
        services.AddSingleton<IRouterControl>(sp => sp.GetRequiredService<RedisRouter>());
        services.AddSingleton<IQueueMetrics>(sp => sp.GetRequiredService<RedisRouter>());
        services.AddSingleton<IQueuePositions>(sp => sp.GetRequiredService<RedisRouter>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(RedisHealthCheck.Name, tags: [RedisHealthCheck.ReadyTag]);
        return services;
    }
}
