using ContactHub.Agents.Blazor;

namespace ContactHub.Server.Hosting;

/// <summary>Hosts the agent console (a Razor class library) with interactive server rendering.</summary>
public static class ConsoleHosting
{
    public static WebApplicationBuilder AddAgentConsole(this WebApplicationBuilder builder)
    {
        // Serves the console library's assets from the build output too (a no-op in a published app,
        // which carries them in wwwroot), so the demo and the browser tests run the plain build.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddConsoleCircuits();
        return builder;
    }

    public static void MapAgentConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
