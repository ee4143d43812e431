using ContactHub.Channels.WhatsApp;
using ContactHub.Core;
using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Files;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using ContactHub.StandIns;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Tests.Support;

/// <summary>
/// A minimal hub for the WhatsApp webhook: the real endpoints, real InboundPipeline, real Outbox and files on a throwaway
/// SQLite file; the stream and event bus in memory so a test sees exactly what was appended and announced.
/// </summary>
public sealed class WhatsAppHost : IAsyncDisposable
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"whatsapp-webhooks-{Guid.NewGuid():N}.db");
    private WebApplication? app;

    public string BaseUrl => app!.BaseUrl();

    public string WebhookUrl => BaseUrl + WhatsAppWebhook.Path;

    public RecordingStream Stream { get; } = new();

    public RecordingEventBus Events { get; } = new();

    public HttpClient Client { get; } = new() { Timeout = Timeouts.Await };

    public IServiceProvider Services => app!.Services;

    public Outbox Outbox => app!.Services.GetRequiredService<Outbox>();

    /// <param name="apiBaseUrl">The Graph API (a stand-in); unreachable by default.</param>
    public static async Task<WhatsAppHost> StartAsync(string apiBaseUrl = "http://127.0.0.1:1", long maxFileBytes = 15 * 1024 * 1024)
    {
        var host = new WhatsAppHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(WhatsAppTestAccount.HubSettings(apiBaseUrl));
        var services = builder.Services;
        services.AddOptions<HubOptions>().Configure(o => o.PublicBaseUrl = "https://hooks.example.com");
        services.AddOptions<FileLimits>().Configure(o => o.MaxFileBytes = maxFileBytes);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConversationStream>(host.Stream);
        services.AddSingleton<IHubEventBus>(host.Events);
        services.AddInboundPipelineWithIdleRouter();
        services.AddOptions<StoreOptions>().Configure(o => o.ConnectionString = $"Data Source={host.databasePath}");
        services.AddSingleton<StoreConnections>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<InteractionFiles>();
        services.AddWhatsAppChannel(builder.Configuration);
        host.app = builder.Build();
        host.app.MapWhatsAppWebhooks();
        await host.app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        await host.app.StartAsync().WaitAsync(Timeouts.Await);
        return host;
    }

    /// <summary>An outbound WhatsApp reply as the outbox leaves it once Meta accepted it: stored, with its wamid.</summary>
    public Task<long> SeedAcceptedOutboundAsync(string wamid) => OutboundSeed.AcceptedAsync(app!.Services, ChannelKind.WhatsApp, wamid, "accepted");

    /// <summary>The stored row of an outbound message: status, error code and the reason shown to the agent.</summary>
    public async Task<(string Status, string? ErrorCode, string? ErrorReason)> OutboundAsync(long interactionId)
    {
        await using var connection = await app!.Services.GetRequiredService<StoreConnections>().OpenAsync();
        return await connection.QuerySingleAsync<(string, string?, string?)>("SELECT status, error_code, error_reason FROM interactions WHERE id = @interactionId", new { interactionId });
    }

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
