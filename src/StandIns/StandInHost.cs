using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ContactHub.StandIns;

/// <summary>Runs the stand-ins inside another process (a test) on a free loopback port.</summary>
public static class StandInHost
{
    /// <summary>Starts Kestrel on http://127.0.0.1:0; read the bound address with <see cref="BaseUrl"/>. Dispose the app to stop it.</summary>
    public static async Task<WebApplication> StartAsync(StandInSettings settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StandInHost).Assembly.GetName().Name,
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddStandIns();
        var app = builder.Build();
        app.MapStandIns();
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>The address Kestrel actually bound (port 0 becomes a real port once started), without a trailing slash.</summary>
    public static string BaseUrl(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return addresses.First().TrimEnd('/');
    }
}
