using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactHub.Agents.Blazor;

public static class AgentConsoleExtensions
{
    /// <summary>
    /// What the console needs besides Hub.Core's services: interactive server rendering and the signed-in
    /// user as cascading state. The host still adds its own authentication and maps
    /// <c>MapRazorComponents&lt;App&gt;().AddInteractiveServerRenderMode()</c>.
    /// </summary>
    public static IServiceCollection AddAgentConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
