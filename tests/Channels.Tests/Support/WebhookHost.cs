using ContactHub.Channels.Twilio;
using ContactHub.Core;
using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using ContactHub.StandIns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Tests.Support;

/// <summary>
/// A minimal hub for the Twilio SMS webhooks (voice needs the router, so its tests run on the whole hub): real endpoints, real InboundPipeline, real Outbox on a throwaway SQLite
/// file, in-memory stream and event bus. The whole hub's host is the integrator's to test.
/// </summary>
public sealed class WebhookHost : IAsyncDisposable
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"twilio-webhooks-{Guid.NewGuid():N}.db");
    private WebApplication? app;

    /// <summary>What Twilio was told to call. Null means the bound Kestrel address (for end-to-end callbacks).</summary>
    public string? ConfiguredPublicBaseUrl { get; private init; }

    public string BaseUrl => app!.BaseUrl();

    public string PublicBaseUrl => ConfiguredPublicBaseUrl ?? BaseUrl;

    public RecordingStream Stream { get; } = new();

    public RecordingEventBus Events { get; } = new();

    public HttpClient Client { get; } = new() { Timeout = Timeouts.Await };

    public Outbox Outbox => app!.Services.GetRequiredService<Outbox>();

    public static async Task<WebhookHost> StartAsync(string? publicBaseUrl = "https://hooks.example.com", string? apiBaseUrl = null)
    {
        var host = new WebhookHost { ConfiguredPublicBaseUrl = publicBaseUrl };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = TestAccount.AccountSid,
            ["Twilio:AuthToken"] = TestAccount.AuthToken,
            ["Twilio:PhoneNumber"] = TestAccount.OurNumber,
            ["Twilio:ApiBaseUrl"] = apiBaseUrl ?? "http://127.0.0.1:1",
        });
        var services = builder.Services;
        // Resolved lazily, so a host without a fixed public URL can use the port Kestrel picked.
        services.AddOptions<HubOptions>().Configure(o => o.PublicBaseUrl = host.PublicBaseUrl);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConversationStream>(host.Stream);
        services.AddSingleton<IHubEventBus>(host.Events);
        services.AddInboundPipelineWithIdleRouter();
        services.AddOptions<StoreOptions>().Configure(o => o.ConnectionString = $"Data Source={host.databasePath}");
        services.AddSingleton<StoreConnections>();
        services.AddSingleton<SchemaMigrator>();
        services.AddTwilioChannel(builder.Configuration);
        host.app = builder.Build();
        host.app.MapTwilioSmsWebhooks();
        await host.app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        await host.app.StartAsync().WaitAsync(Timeouts.Await);
        return host;
    }

    /// <summary>An outbound SMS as the outbox leaves it once Twilio accepted it: stored, with Twilio's sid.</summary>
    public Task<long> SeedAcceptedOutboundAsync(string messageSid) => OutboundSeed.AcceptedAsync(app!.Services, ChannelKind.Sms, messageSid, "queued");

    public IServiceProvider Services => app!.Services;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync().WaitAsync(Timeouts.Await);
            await app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
