using System.Collections.Concurrent;
using ContactHub.Channels.Telegram;
using ContactHub.Channels.Tests.Telegram;
using ContactHub.Core;
using ContactHub.Core.Events;
using ContactHub.Core.Files;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
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

/// <summary>One stored Telegram interaction as the store holds it.</summary>
public sealed record StoredTelegramInteraction(long Id, long ConversationId, long ContactId, string Direction, string ExternalId, string? Text, string? AttachmentsJson, long? EditedAt, string Status);

/// <summary>
/// A hub cut down to the Telegram channel: the real webhook, poller, sender, outbox worker and reply service on a real
/// store (SQLite or PostgreSQL), appending through the real <see cref="BatchingConversationStream"/>; routing is idle.
/// Several hosts may share one store, one after the other, to play a restart.
/// </summary>
public sealed class TelegramHost : IAsyncDisposable
{
    private WebApplication? app;

    public required StoreDatabase Store { get; init; }

    public RecordingEventBus Events { get; } = new();

    /// <summary>Every append the pipeline made, with whether the store called it a duplicate.</summary>
    public ConcurrentQueue<(string ExternalId, bool IsDuplicate)> Appends { get; } = new();

    public HttpClient Client { get; } = new() { Timeout = Timeouts.Await };

    public string BaseUrl => app!.BaseUrl();

    public IServiceProvider Services => app!.Services;

    /// <param name="publicBaseUrl">https makes the hub use a webhook (with a secret); anything else makes it poll.</param>
    /// <param name="appendGate">When set, every append waits for it first: a test can hold the pipeline mid-stream.</param>
    public static async Task<TelegramHost> StartAsync(
        StoreDatabase store, string apiBaseUrl, string publicBaseUrl = "https://hooks.example.com", string? webhookSecret = TelegramFixtures.Secret,
        string botToken = TelegramFixtures.BotToken, Func<CancellationToken, Task>? appendGate = null)
    {
        var host = new TelegramHost { Store = store };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = botToken,
            ["Telegram:WebhookSecret"] = webhookSecret,
            ["Telegram:ApiBaseUrl"] = apiBaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:RequestTimeout"] = "00:00:05",
            ["Hub:PublicBaseUrl"] = publicBaseUrl,
        });
        var services = builder.Services;
        services.AddOptions<HubOptions>().BindConfiguration("Hub");
        services.AddOptions<FileLimits>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(store.Connections);
        services.AddSingleton<IQueueSelector, DefaultQueueSelector>();
        services.AddSingleton<BatchingConversationStream>();
        services.AddHostedService(sp => sp.GetRequiredService<BatchingConversationStream>());
        services.AddSingleton<IConversationStream>(sp => new ObservedStream(sp.GetRequiredService<BatchingConversationStream>(), host.Appends, appendGate));
        services.AddSingleton<IHubEventBus>(host.Events);
        services.AddInboundPipelineWithIdleRouter();
        services.AddSingleton<InteractionEdits>();
        services.AddSingleton<InteractionFiles>();
        services.AddSingleton<ChannelCursors>();
        services.AddSingleton<CustomerServiceWindows>();
        services.AddSingleton<ContactHub.Core.Outbound.IMessageTemplates, ContactHub.Core.Outbound.NoMessageTemplates>();
        services.AddSingleton<ReplyService>();
        services.AddHostedService<OutboxWorker>();
        services.AddTelegramChannel(builder.Configuration);
        host.app = builder.Build();
        host.app.MapTelegramWebhook();
        await host.app.StartAsync().WaitAsync(Timeouts.Await);
        return host;
    }

    public async Task<IReadOnlyList<StoredTelegramInteraction>> InteractionsAsync()
    {
        await using var connection = await Store.Connections.OpenAsync();
        return (await connection.QueryAsync<StoredTelegramInteraction>(
            """
            SELECT id AS Id, conversation_id AS ConversationId, contact_id AS ContactId, direction AS Direction, external_id AS ExternalId,
                   text AS Text, attachments_json AS AttachmentsJson, edited_at AS EditedAt, status AS Status
            FROM interactions WHERE channel = 'telegram' ORDER BY id
            """)).ToList();
    }

    public async Task<IReadOnlyList<StoredTelegramInteraction>> WaitForInteractionsAsync(Func<IReadOnlyList<StoredTelegramInteraction>, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeouts.Await;
        var found = await InteractionsAsync();
        while (!done(found) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            found = await InteractionsAsync();
        }
        return found;
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync().WaitAsync(Timeouts.Await);
            await app.DisposeAsync();
            app = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
    }

    /// <summary>The real stream, watched: each append's outcome is recorded, and an optional gate can hold appends back.</summary>
    private sealed class ObservedStream(IConversationStream inner, ConcurrentQueue<(string, bool)> appends, Func<CancellationToken, Task>? gate) : IConversationStream
    {
        public async Task<AppendResult> AppendAsync(InboundInteraction interaction, CancellationToken cancellationToken)
        {
            if (gate is not null)
            {
                await gate(cancellationToken);
            }
            var result = await inner.AppendAsync(interaction, cancellationToken);
            appends.Enqueue((interaction.ExternalId, result.IsDuplicate));
            return result;
        }
    }
}
