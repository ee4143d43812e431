using ContactHub.Agents.Blazor;

namespace ContactHub.Server.Hosting;

/// <summary>Hosts the agent console (a Razor class library) with interactive server rendering.</summary>
public static class ConsoleHosting
{
    public static IServiceCollection AddAgentConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        return services;
    }

    public static void MapAgentConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
