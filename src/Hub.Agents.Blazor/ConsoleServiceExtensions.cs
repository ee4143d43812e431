using ContactHub.Agents.Blazor.Presence;
using ContactHub.Agents.Blazor.Shared;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Agents.Blazor;

public static class ConsoleServiceExtensions
{
    /// <summary>
    /// Presence follows the console: an agent whose last console circuit on this node stays down for
    /// <c>Console:PresenceGraceSeconds</c> (default 60) is set offline. Also binds <see cref="ConsoleOptions"/>.
    /// Needs Hub.Core's <see cref="AssignmentService"/> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddConsoleCircuits(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ConsoleClock>();
        services.TryAddSingleton(sp =>
        {
            var assignments = sp.GetRequiredService<AssignmentService>();
            var logger = sp.GetRequiredService<ILogger<PresenceGrace>>();
            var seconds = sp.GetRequiredService<IOptions<ConsoleOptions>>().Value.PresenceGraceSeconds;
            return new PresenceGrace(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(seconds), async agentId =>
            {
                try
                {
                    await assignments.SetPresenceAsync(agentId, AgentPresence.Offline);
                    ConsoleLog.SetOfflineAfterGrace(logger, agentId, seconds);
                }
                catch (Exception error)
                {
                    ConsoleLog.SetOfflineFailed(logger, agentId, error);
                }
            });
        });
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, PresenceCircuitHandler>());
        return services;
    }
}
