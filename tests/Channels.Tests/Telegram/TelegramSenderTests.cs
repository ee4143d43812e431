using System.Text;
using ContactHub.Channels.Telegram;
using ContactHub.Channels.Tests.Support;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.StandIns.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.Telegram;

/// <summary>The sender against the Bot API stand-in, built as the hub builds it (AddTelegramChannel).</summary>
public sealed class TelegramSenderTests : IAsyncLifetime
{
    private const string Chat = "5550123001";
    private StoreDatabase store = null!;
    private TelegramStandIn standIn = null!;
    private TelegramHost hub = null!;

    public async Task InitializeAsync()
    {
        store = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        standIn = await TelegramStandIn.StartAsync(messagesPerSecondPerChat: 1);
        // The customer wrote first: a bot may only message users who started it.
        standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Hello" });
        hub = await TelegramHost.StartAsync(store, standIn.BaseUrl, publicBaseUrl: "https://hooks.example.com");
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        await standIn.DisposeAsync();
        await store.DisposeAsync();
    }

    private TelegramSender Sender => hub.Services.GetRequiredService<TelegramSender>();

    private static OutboundMessage Message(string? text, long interactionId = 0) => new(interactionId, 1, ChannelKind.Telegram, Chat, text, []);

    [Fact]
    public async Task AReplyIsSentWithSendMessageAndAcceptedUnderTheChatAndMessageId()
    {
        var result = await Sender.SendAsync(Message("Your parcel ships today."), CancellationToken.None).WaitAsync(Timeouts.Await);

        var accepted = Assert.IsType<SendAccepted>(result);
        var sent = Assert.Single(standIn.Chats.Sent());
        Assert.Equal($"{Chat}:{sent.MessageId}", accepted.ProviderId);
        Assert.Equal(("sendMessage", "Your parcel ships today."), (sent.Method, sent.Text));
    }

    [Fact]
    public async Task ATextLongerThanTelegramAllowsArrivesAsSeveralMessagesInOrder()
    {
        await using var store2 = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var fast = await TelegramStandIn.StartAsync();
        fast.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Hello" });
        await using var fastHub = await TelegramHost.StartAsync(store2, fast.BaseUrl);
        var text = string.Join(' ', Enumerable.Range(1, 1500).Select(i => $"w{i}"));

        var result = await fastHub.Services.GetRequiredService<TelegramSender>().SendAsync(Message(text), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.IsType<SendAccepted>(result);
        var sent = fast.Chats.Sent();
        Assert.True(sent.Count >= 2, $"sent as {sent.Count} message(s)");
        Assert.All(sent, s => Assert.InRange(s.Text!.Length, 1, TelegramText.MaxMessageLength));
        Assert.Equal(text, string.Join(' ', sent.Select(s => s.Text)));
    }

    [Fact]
    public async Task ARateLimitedSendIsDeferredForTelegramsRetryAfter()
    {
        var first = await Sender.SendAsync(Message("One"), CancellationToken.None).WaitAsync(Timeouts.Await);
        var second = await Sender.SendAsync(Message("Two"), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.IsType<SendAccepted>(first);
        var deferred = Assert.IsType<SendDeferred>(second);
        Assert.Equal(TimeSpan.FromSeconds(1), deferred.RetryAfter);
        Assert.Single(standIn.Chats.Sent());
    }

    [Fact]
    public async Task ASendToACustomerWhoBlockedTheBotIsRefusedAsAnOptOut()
    {
        standIn.Chats.Block(TelegramStandIn.Chloe.Id);

        var result = await Sender.SendAsync(Message("Are you there?"), CancellationToken.None).WaitAsync(Timeouts.Await);

        var rejected = Assert.IsType<SendRejected>(result);
        Assert.Equal("403", rejected.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", rejected.Reason);
        Assert.True(rejected.RecipientOptedOut);
        Assert.Equal(OptOuts.BlockedTheBot, rejected.OptOutKeyword);
    }

    [Fact]
    public async Task ASendToAChatTheBotDoesNotHaveIsRejectedWithTelegramsReason()
    {
        var result = await Sender.SendAsync(Message("Hi") with { ToAddress = "5550999999" }, CancellationToken.None).WaitAsync(Timeouts.Await);

        var rejected = Assert.IsType<SendRejected>(result);
        Assert.Equal(("400", "Bad Request: chat not found"), (rejected.ErrorCode, rejected.Reason));
        Assert.False(rejected.RecipientOptedOut);
    }

    [Fact]
    public async Task AWrongBotTokenIsRejectedAs401()
    {
        await using var store2 = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var wrong = await TelegramHost.StartAsync(store2, standIn.BaseUrl, botToken: "5550000001:NotTheRightToken");

        var result = await wrong.Services.GetRequiredService<TelegramSender>().SendAsync(Message("Hi"), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal(("401", "Unauthorized"), (Assert.IsType<SendRejected>(result).ErrorCode, ((SendRejected)result).Reason));
    }

    [Fact]
    public async Task AnUnreachableBotApiDefersTheSend()
    {
        await using var store2 = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var cutOff = await TelegramHost.StartAsync(store2, "http://127.0.0.1:1");

        var result = await cutOff.Services.GetRequiredService<TelegramSender>().SendAsync(Message("Hi"), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Null(Assert.IsType<SendDeferred>(result).RetryAfter);
    }

    [Fact]
    public async Task AReplysPictureGoesAsAPhotoAndItsPdfAsADocument()
    {
        await using var store2 = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var fast = await TelegramStandIn.StartAsync();
        fast.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Hello" });
        await using var fastHub = await TelegramHost.StartAsync(store2, fast.BaseUrl);
        var conversationId = await InboundConversationAsync(fastHub);
        var outbox = fastHub.Services.GetRequiredService<Outbox>();
        // Queued as ReplyService queues an agent's reply; the hub's outbox worker sends it.
        var reply = await outbox.QueueReplyAsync(conversationId, ChannelKind.Telegram, "Here is your label.",
            [new FileContent("label.png", "image/png", Encoding.ASCII.GetBytes("PNG-ish")), new FileContent("invoice.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4"))],
            authorAgentId: null, CancellationToken.None).WaitAsync(Timeouts.Await);

        await WaitUntilAsync(() => fast.Chats.Sent().Count >= 3);

        var sent = fast.Chats.Sent();
        Assert.Equal(["sendMessage", "sendPhoto", "sendDocument"], sent.Select(s => s.Method));
        Assert.Equal(("label.png", "image/png", 7L), (sent[1].FileName, sent[1].ContentType, sent[1].Size));
        Assert.Equal(("invoice.pdf", "application/pdf"), (sent[2].FileName, sent[2].ContentType));
        Assert.Equal("sent", (await fastHub.WaitForInteractionsAsync(found => found.Any(i => i.Id == reply.Id && i.Status == "sent"))).Single(i => i.Id == reply.Id).Status);
    }

    [Fact]
    public async Task ALaterPartTheRateLimitHoldsBackIsSentAfterRetryAfterWithoutResendingTheFirst()
    {
        var conversationId = await InboundConversationAsync(hub);
        var outbox = hub.Services.GetRequiredService<Outbox>();

        // One message per second per chat: the picture right after the text gets a 429 and must wait, not restart the reply.
        var reply = await outbox.QueueReplyAsync(conversationId, ChannelKind.Telegram, "Here is the label.",
            [new FileContent("label.png", "image/png", Encoding.ASCII.GetBytes("PNG-ish"))], authorAgentId: null, CancellationToken.None).WaitAsync(Timeouts.Await);
        hub.Services.GetRequiredService<OutboxSignal>().Wake();
        var stored = await hub.WaitForInteractionsAsync(found => found.Any(i => i.Id == reply.Id && i.Status is "sent" or "failed" or "interrupted"));

        Assert.Equal("sent", stored.Single(i => i.Id == reply.Id).Status);
        var sent = standIn.Chats.Sent();
        Assert.Equal(["sendMessage", "sendPhoto"], sent.Select(s => s.Method));
        Assert.True(sent[1].Date - sent[0].Date >= TimeSpan.FromSeconds(0.9), $"sent {sent[1].Date - sent[0].Date} apart");
    }

    [Fact]
    public async Task ABlockedBotIsShownAsTheReasonRepliesAreRefusedUntilTheCustomerWritesAgain()
    {
        var conversationId = await InboundConversationAsync(hub);
        standIn.Chats.Block(TelegramStandIn.Chloe.Id);
        var replies = hub.Services.GetRequiredService<ReplyService>();

        var queued = await replies.ReplyAsync(conversationId, new ReplyRequest("We shipped it."), authorAgentId: null, CancellationToken.None).WaitAsync(Timeouts.Await);
        var failed = await hub.WaitForInteractionsAsync(found => found.Any(i => i.Direction == "out" && i.Status == "failed"));
        // The worker records the block just after marking the reply failed.
        var optOuts = hub.Services.GetRequiredService<OptOuts>();
        var deadline = DateTime.UtcNow + Timeouts.Await;
        while (await optOuts.FindAsync(ChannelKind.Telegram, Chat, CancellationToken.None).WaitAsync(Timeouts.Await) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var refused = await replies.ReplyAsync(conversationId, new ReplyRequest("Hello?"), authorAgentId: null, CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.IsType<ReplyQueued>(queued);
        Assert.Contains(failed, i => i.Direction == "out" && i.Status == "failed");
        var refusal = Assert.IsType<ReplyRefused>(refused);
        Assert.Equal(ReplyService.OptedOutCode, refusal.Code);
        Assert.Contains("blocked the bot", refusal.Reason);

        // Writing again means the customer unblocked the bot.
        using var again = await PostUpdateAsync(hub, standIn.UpdateFor(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Sorry, unblocked you" }, updateId: 77));
        var accepted = await replies.ReplyAsync(conversationId, new ReplyRequest("Welcome back!"), authorAgentId: null, CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.IsType<ReplyQueued>(accepted);
        var events = await new ConversationEventLog(store.Connections, TimeProvider.System).ListAsync(conversationId, CancellationToken.None).WaitAsync(Timeouts.Await);
        Assert.Contains(events, e => e.Kind == ConversationEventKinds.Unblocked);
    }

    private static async Task<long> InboundConversationAsync(TelegramHost host)
    {
        using var response = await PostUpdateAsync(host, TelegramFixtures.UpdateJson("update_text"));
        response.EnsureSuccessStatusCode();
        return (await host.InteractionsAsync()).First().ConversationId;
    }

    private static async Task<HttpResponseMessage> PostUpdateAsync(TelegramHost host, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.BaseUrl + TelegramWebhook.Path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramSecretToken.HeaderName, TelegramFixtures.Secret);
        return await host.Client.SendAsync(request).WaitAsync(Timeouts.Await);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + Timeouts.Await;
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
