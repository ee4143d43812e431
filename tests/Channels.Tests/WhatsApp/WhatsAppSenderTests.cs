using System.Text.Json;
using ContactHub.Channels.Tests.Support;
using ContactHub.Channels.WhatsApp;
using ContactHub.Core;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.Core.Store;
using ContactHub.StandIns;
using ContactHub.StandIns.WhatsApp;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.WhatsApp;

/// <summary>The sender against the Graph stand-in: what is accepted, what is retried later, and what is refused in words.</summary>
public sealed class WhatsAppSenderTests : IAsyncLifetime
{
    private StoreDatabase store = null!;

    public async Task InitializeAsync() => store = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task ATextWithinTheWindowIsAcceptedWithItsWamidAndGoesToTheNumberWithoutPlus()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        await CustomerWritesAsync(standIn);
        var sender = Sender(standIn.BaseUrl());

        var accepted = Assert.IsType<SendAccepted>(await sender.SendAsync(Message("Your order shipped."), CancellationToken.None).WaitAsync(Timeouts.Await));

        var sent = Assert.Single(Ledger(standIn));
        Assert.Equal((accepted.ProviderId, WhatsAppTestAccount.Customer, "text", "Your order shipped."), (sent.Id, sent.To, sent.Type, sent.Text));
    }

    [Fact]
    public async Task FreeTextOutsideTheWindowIsRefusedFor131047InWords()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);

        var rejected = Assert.IsType<SendRejected>(await Sender(standIn.BaseUrl()).SendAsync(Message("Hello?"), CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.Equal(("131047", "More than 24 hours have passed since the customer last wrote; only an approved template can be sent."), (rejected.ErrorCode, rejected.Reason));
    }

    [Fact]
    public async Task TheCustomersPairRateLimitDefersTheSecondMessageWithARetryDelay()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(pairInterval: TimeSpan.FromSeconds(30)), CancellationToken.None).WaitAsync(Timeouts.Await);
        await CustomerWritesAsync(standIn);
        var sender = Sender(standIn.BaseUrl());

        Assert.IsType<SendAccepted>(await sender.SendAsync(Message("one"), CancellationToken.None).WaitAsync(Timeouts.Await));
        var deferred = Assert.IsType<SendDeferred>(await sender.SendAsync(Message("two"), CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.StartsWith("WhatsApp rate limit (131056)", deferred.Reason);
        Assert.Equal(TimeSpan.FromSeconds(1), deferred.RetryAfter);
    }

    [Fact]
    public async Task ARefusedTokenIsAFinalRejectionThatTellsAnAdministratorWhatToDo()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);

        var rejected = Assert.IsType<SendRejected>(await Sender(standIn.BaseUrl(), accessToken: "expired").SendAsync(Message("hi"), CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.Equal("190", rejected.ErrorCode);
        Assert.Contains("WhatsApp:AccessToken", rejected.Reason);
    }

    [Fact]
    public async Task AnApprovedTemplateGoesOutOfTheWindowWithItsLanguageAndParameters()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);

        var message = Message("Tu ticket #1042 tiene novedades.") with { Template = new TemplateMessage("ticket_update", "es", ["#1042"]) };
        Assert.IsType<SendAccepted>(await Sender(standIn.BaseUrl()).SendAsync(message, CancellationToken.None).WaitAsync(Timeouts.Await));

        var sent = Assert.Single(Ledger(standIn));
        Assert.Equal(("template", "ticket_update", "es", "#1042"), (sent.Type, sent.Template, sent.Language, Assert.Single(sent.Parameters)));
    }

    [Fact]
    public async Task ATemplateMetaDoesNotKnowIsRefusedFor132001()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);

        var message = Message("x") with { Template = new TemplateMessage("spring_sale", "es", []) };
        var rejected = Assert.IsType<SendRejected>(await Sender(standIn.BaseUrl()).SendAsync(message, CancellationToken.None).WaitAsync(Timeouts.Await));

        Assert.Equal("132001", rejected.ErrorCode);
    }

    [Fact]
    public async Task APictureIsUploadedFirstThenSentByItsMediaIdWithTheTextAsCaption()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        await CustomerWritesAsync(standIn);
        var interactionId = await StoredReplyWithFileAsync(new FileContent("label.png", "image/png", WhatsAppCustomers.TinyPng));
        var message = new OutboundMessage(interactionId, 1, ChannelKind.WhatsApp, "+" + WhatsAppTestAccount.Customer, "Here is the label", [new Attachment("/api/files/1", "image/png", "label.png")]);

        Assert.IsType<SendAccepted>(await Sender(standIn.BaseUrl()).SendAsync(message, CancellationToken.None).WaitAsync(Timeouts.Await));

        var sent = Assert.Single(Ledger(standIn));
        Assert.Equal(("image", "Here is the label"), (sent.Type, sent.Text));
        Assert.Equal(WhatsAppCustomers.TinyPng, standIn.Services.GetRequiredService<MediaVault>().Find(sent.MediaId!)!.Content);
    }

    [Theory]
    [InlineData(500, 1, "deferred")]
    [InlineData(400, 130429, "deferred")]
    [InlineData(400, 80007, "deferred")]
    [InlineData(403, 4, "deferred")]
    [InlineData(400, 131026, "rejected")]
    [InlineData(400, 100, "rejected")]
    public async Task GraphErrorsAreRetriedWhenTheyPassAndFinalWhenTheyDoNot(int status, int code, string outcome)
    {
        await using var graph = await FailingGraph.StartAsync(status, code);

        var result = await Sender(graph.BaseUrl).SendAsync(Message("hi"), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal(outcome, result switch { SendDeferred => "deferred", SendRejected => "rejected", _ => result.GetType().Name });
        if (result is SendRejected rejected)
        {
            Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), rejected.ErrorCode);
        }
    }

    [Fact]
    public async Task AnUnreachableGraphApiIsDeferredNotLost()
    {
        var result = await Sender("http://127.0.0.1:1").SendAsync(Message("hi"), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.IsType<SendDeferred>(result);
    }

    private IChannelSender Sender(string apiBaseUrl, string accessToken = WhatsAppTestAccount.AccessToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(WhatsAppTestAccount.HubSettings(apiBaseUrl, accessToken)).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<HubOptions>();
        services.AddSingleton(store.Connections);
        services.AddSingleton<InteractionFiles>();
        services.AddWhatsAppChannel(configuration);
        return services.BuildServiceProvider(validateScopes: true).GetServices<IChannelSender>().Single(s => s.Channel == ChannelKind.WhatsApp);
    }

    private static OutboundMessage Message(string text) => new(42, 7, ChannelKind.WhatsApp, "+" + WhatsAppTestAccount.Customer, text, []);

    private static async Task CustomerWritesAsync(WebApplication standIn)
    {
        var written = await standIn.Services.GetRequiredService<WhatsAppCustomers>().WriteAsync(WhatsAppTestAccount.Customer, new CustomerMessage("hello", "Zoë", null, null), CancellationToken.None).WaitAsync(Timeouts.Await);
        Assert.Null(written.Problem);
    }

    private static IReadOnlyList<SentWhatsApp> Ledger(WebApplication standIn) => standIn.Services.GetRequiredService<SentLedger>().Snapshot();

    /// <summary>A queued WhatsApp reply carrying <paramref name="file"/>, as the reply service leaves it in the outbox.</summary>
    private async Task<long> StoredReplyWithFileAsync(FileContent file)
    {
        long conversationId;
        await using (var connection = await store.Connections.OpenAsync())
        {
            var contactId = await connection.QuerySingleAsync<long>("INSERT INTO contacts (display_name, created_at) VALUES ('Zoë', 0) RETURNING id");
            conversationId = await connection.QuerySingleAsync<long>(
                "INSERT INTO conversations (contact_id, channel, state, queue, created_at, last_activity_at) VALUES (@contactId, 'whatsapp', 'open', 'support', 0, 0) RETURNING id", new { contactId });
        }
        var reply = await new Outbox(store.Connections, TimeProvider.System).QueueReplyAsync(conversationId, ChannelKind.WhatsApp, "Here is the label", [file], null, CancellationToken.None);
        return reply.Id;
    }

    /// <summary>A Graph API that answers every call with one error, for the codes the stand-in has no scenario for.</summary>
    private sealed class FailingGraph : IAsyncDisposable
    {
        private WebApplication app = null!;

        public string BaseUrl => app.BaseUrl();

        public static async Task<FailingGraph> StartAsync(int status, int code)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var graph = new FailingGraph { app = builder.Build() };
            var body = JsonSerializer.Serialize(new { error = new { message = $"(#{code}) failure", type = "OAuthException", code, error_data = new { messaging_product = "whatsapp", details = "details" }, fbtrace_id = "Atrace" } });
            graph.app.MapPost("/{**path}", () => Results.Text(body, "application/json", statusCode: status));
            await graph.app.StartAsync().WaitAsync(Timeouts.Await);
            return graph;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync().WaitAsync(Timeouts.Await);
            await app.DisposeAsync();
        }
    }
}
