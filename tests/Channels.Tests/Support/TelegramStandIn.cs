using System.Text.Json.Nodes;
using ContactHub.Channels.Tests.Telegram;
using ContactHub.StandIns;
using ContactHub.StandIns.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.Support;

/// <summary>The Bot API stand-in in this process, with direct access to its customers for arranging a test.</summary>
public sealed class TelegramStandIn : IAsyncDisposable
{
    private readonly WebApplication app;

    private TelegramStandIn(WebApplication app) => this.app = app;

    public string BaseUrl => app.BaseUrl();

    public CustomerActions Customers => app.Services.GetRequiredService<CustomerActions>();

    public BotChats Chats => app.Services.GetRequiredService<BotChats>();

    public BotUpdates Updates => app.Services.GetRequiredService<BotUpdates>();

    public static readonly BotCustomer Chloe = new(5550123001, "Chloé", "Bernard", "chloe_b_fixture");

    public static async Task<TelegramStandIn> StartAsync(double messagesPerSecondPerChat = 1000, bool requireHttpsWebhook = true, string botToken = TelegramFixtures.BotToken)
    {
        var settings = TestAccount.StandIn();
        var withTelegram = new StandInSettings
        {
            Twilio = settings.Twilio,
            Telegram = new TelegramStandInOptions
            {
                BotToken = botToken,
                MessagesPerSecondPerChat = messagesPerSecondPerChat,
                RequireHttpsWebhook = requireHttpsWebhook,
                WebhookRetryDelay = TimeSpan.FromMilliseconds(200),
            },
        };
        return new TelegramStandIn(await StandInHost.StartAsync(withTelegram, CancellationToken.None).WaitAsync(Timeouts.Await));
    }

    /// <summary>A customer's message as it sits at Telegram, wrapped in an update with the given id (for posting to a webhook).</summary>
    public string UpdateFor(CustomerMessage message, long updateId)
    {
        var (_, messageId) = Customers.Send(message);
        var stored = Chats.CustomerMessage(message.Customer.Id, messageId)!;
        return new JsonObject { ["update_id"] = updateId, ["message"] = stored }.ToJsonString();
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
