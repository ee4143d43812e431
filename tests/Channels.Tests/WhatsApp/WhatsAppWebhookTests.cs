using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactHub.Channels.Tests.Fixtures;
using ContactHub.Channels.Tests.Support;
using ContactHub.Channels.WhatsApp;
using ContactHub.Core.Events;
using ContactHub.StandIns;
using ContactHub.StandIns.WhatsApp;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.WhatsApp;

/// <summary>The real webhook endpoints: Meta's handshake, the signature over the raw bytes, limits, and every message and status made durable.</summary>
public sealed class WhatsAppWebhookTests
{
    [Fact]
    public async Task TheVerificationHandshakeEchoesTheChallengeAsPlainText()
    {
        await using var hub = await WhatsAppHost.StartAsync();

        using var response = await hub.Client.GetAsync($"{hub.WebhookUrl}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={WhatsAppTestAccount.VerifyToken}").WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("subscribe", "")]
    [InlineData("unsubscribe", WhatsAppTestAccount.VerifyToken)]
    public async Task AHandshakeWithTheWrongTokenOrModeIsRefusedWith403(string mode, string token)
    {
        await using var hub = await WhatsAppHost.StartAsync();

        using var response = await hub.Client.GetAsync($"{hub.WebhookUrl}?hub.mode={mode}&hub.challenge=42&hub.verify_token={Uri.EscapeDataString(token)}").WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheSignedTextFixtureIsStoredAndAnswered200()
    {
        await using var hub = await WhatsAppHost.StartAsync();
        var fixture = Fixture.Load("whatsapp/notification_text_message.json").GetProperty("request");
        using var request = new HttpRequestMessage(HttpMethod.Post, hub.WebhookUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(fixture.GetProperty("raw_body").GetString()!)) };
        request.Headers.Add(WhatsAppSignature.HeaderName, fixture.GetProperty("headers").GetProperty("X-Hub-Signature-256").GetString());

        using var response = await hub.Client.SendAsync(request).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(hub.Stream.Appended.Values);
        Assert.Equal(("+15555550123", "Hola, ¿dónde está mi pedido A-4521? 🙏"), (stored.SenderAddress, stored.Text));
    }

    [Fact]
    public async Task AForgedUnsignedOrReSerialisedDeliveryIsRefusedWith403AndNothingIsStored()
    {
        await using var hub = await WhatsAppHost.StartAsync();
        var fixture = Fixture.Load("whatsapp/notification_text_message.json").GetProperty("request");
        var raw = fixture.GetProperty("raw_body").GetString()!;
        var signature = fixture.GetProperty("headers").GetProperty("X-Hub-Signature-256").GetString()!;
        var reserialised = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(raw).RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        using var forged = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl, Encoding.UTF8.GetBytes(raw), secret: "not-the-app-secret")).WaitAsync(Timeouts.Await);
        using var missing = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl, Encoding.UTF8.GetBytes(raw), secret: null)).WaitAsync(Timeouts.Await);
        using var rewritten = new HttpRequestMessage(HttpMethod.Post, hub.WebhookUrl) { Content = new ByteArrayContent(reserialised) };
        rewritten.Headers.Add(WhatsAppSignature.HeaderName, signature);
        using var reserialisedResponse = await hub.Client.SendAsync(rewritten).WaitAsync(Timeouts.Await);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { forged.StatusCode, missing.StatusCode, reserialisedResponse.StatusCode });
        Assert.Empty(hub.Stream.Appended);
    }

    [Fact]
    public async Task SignedMalformedJsonIsRefusedWith400AndAReason()
    {
        await using var hub = await WhatsAppHost.StartAsync();

        using var response = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl, "{\"object\":\"whatsapp_business_account\",\"entry\":[{"u8.ToArray())).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The body is not the JSON of a WhatsApp notification", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABodyOverTheCapIsRefusedWith413()
    {
        await using var hub = await WhatsAppHost.StartAsync();
        var huge = Encoding.UTF8.GetBytes(WhatsAppTestAccount.Notification([WhatsAppTestAccount.Text("wamid.huge", new string('x', WhatsAppBodyReader.MaxBodyBytes))]));

        using var response = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl, huge)).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(hub.Stream.Appended);
    }

    [Fact]
    public async Task EveryMessageOfABatchIsStoredBeforeThe200AndARedeliveryStoresNothingNew()
    {
        await using var hub = await WhatsAppHost.StartAsync();
        var body = Encoding.UTF8.GetBytes(WhatsAppTestAccount.Notification(
            [WhatsAppTestAccount.Text("wamid.batch1", "one"), WhatsAppTestAccount.Text("wamid.batch2", "two"), WhatsAppTestAccount.Text("wamid.batch3", "three")]));

        using var first = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl, body)).WaitAsync(Timeouts.Await);
        var storedAfterFirst = hub.Stream.Appended.Count;
        using var again = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl, body)).WaitAsync(Timeouts.Await);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(3, storedAfterFirst);
        Assert.Equal(3, hub.Stream.Appended.Count);
    }

    [Fact]
    public async Task StatusesMoveTheSentMessageForwardOnlyAndALateSentChangesNothing()
    {
        await using var hub = await WhatsAppHost.StartAsync();
        var interactionId = await hub.SeedAcceptedOutboundAsync("wamid.out-forward").WaitAsync(Timeouts.Await);

        foreach (var status in new[] { "delivered", "read", "sent", "delivered" })
        {
            using var response = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl,
                Encoding.UTF8.GetBytes(WhatsAppTestAccount.Notification(statuses: [WhatsAppTestAccount.Status("wamid.out-forward", status)])))).WaitAsync(Timeouts.Await);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(("read", null, null), await hub.OutboundAsync(interactionId).WaitAsync(Timeouts.Await));
        Assert.Equal(["delivered", "read"], hub.Events.Published.OfType<InteractionStatusChanged>().Select(e => e.Status));
    }

    [Fact]
    public async Task AFailedStatusKeepsTheErrorCodeAndTheReasonForTheAgent()
    {
        await using var hub = await WhatsAppHost.StartAsync();
        var interactionId = await hub.SeedAcceptedOutboundAsync("wamid.HBgLMTU1NTU1NTAxMjMVAgARGBIzQUZBS0VPVVRCT1VORDAwMgA=").WaitAsync(Timeouts.Await);
        var fixture = Fixture.Load("whatsapp/notification_status_failed.json").GetProperty("request");
        using var request = new HttpRequestMessage(HttpMethod.Post, hub.WebhookUrl) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(fixture.GetProperty("raw_body").GetString()!)) };
        request.Headers.Add(WhatsAppSignature.HeaderName, fixture.GetProperty("headers").GetProperty("X-Hub-Signature-256").GetString());

        using var response = await hub.Client.SendAsync(request).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ("failed", "131047", "Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
            await hub.OutboundAsync(interactionId).WaitAsync(Timeouts.Await));
    }

    [Fact]
    public async Task APictureIsDownloadedWithTheTokenAndStoredAsTheInteractionsFileWithItsCaption()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        await using var hub = await WhatsAppHost.StartAsync(apiBaseUrl: standIn.BaseUrl());
        var picture = standIn.Services.GetRequiredService<MediaVault>().Add("image/png", WhatsAppCustomers.TinyPng, null);
        var message = new JsonObject
        {
            ["from"] = WhatsAppTestAccount.Customer, ["id"] = "wamid.picture", ["timestamp"] = "1773152600", ["type"] = "image",
            ["image"] = new JsonObject { ["caption"] = "Crushed box", ["mime_type"] = "image/png", ["sha256"] = picture.Sha256, ["id"] = picture.Id },
        };

        using var response = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl, Encoding.UTF8.GetBytes(WhatsAppTestAccount.Notification([message])))).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(hub.Stream.Appended.Values);
        Assert.Equal("Crushed box", stored.Text);
        var file = Assert.Single(stored.Files);
        Assert.Equal(("whatsapp-image.png", "image/png"), (file.FileName, file.ContentType));
        Assert.Equal(WhatsAppCustomers.TinyPng, file.Content.ToArray());
    }

    [Fact]
    public async Task APictureOverTheFileLimitIsListedAsTooLargeInsteadOfDownloaded()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        await using var hub = await WhatsAppHost.StartAsync(apiBaseUrl: standIn.BaseUrl(), maxFileBytes: 10);
        var picture = standIn.Services.GetRequiredService<MediaVault>().Add("image/png", WhatsAppCustomers.TinyPng, null);
        var message = new JsonObject
        {
            ["from"] = WhatsAppTestAccount.Customer, ["id"] = "wamid.big-picture", ["timestamp"] = "1773152600", ["type"] = "image",
            ["image"] = new JsonObject { ["mime_type"] = "image/png", ["id"] = picture.Id },
        };

        using var response = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl, Encoding.UTF8.GetBytes(WhatsAppTestAccount.Notification([message])))).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = Assert.Single(Assert.Single(hub.Stream.Appended.Values).Files);
        Assert.Equal((WhatsAppCustomers.TinyPng.Length, 0), ((int)file.OmittedSize!, file.Content.Length));
    }

    [Fact]
    public async Task MediaThatNoLongerExistsIsStoredWithANoteSoTheMessageIsNotLost()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        await using var hub = await WhatsAppHost.StartAsync(apiBaseUrl: standIn.BaseUrl());
        var message = new JsonObject
        {
            ["from"] = WhatsAppTestAccount.Customer, ["id"] = "wamid.expired", ["timestamp"] = "1773152600", ["type"] = "document",
            ["document"] = new JsonObject { ["caption"] = "Invoice", ["filename"] = "invoice.pdf", ["mime_type"] = "application/pdf", ["id"] = "999" },
        };

        using var response = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl, Encoding.UTF8.GetBytes(WhatsAppTestAccount.Notification([message])))).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(hub.Stream.Appended.Values);
        Assert.Equal("Invoice\n[WhatsApp would not describe document 999 (404).]", stored.Text);
        Assert.Empty(stored.Files);
    }

    [Fact]
    public async Task WhenTheGraphApiIsDownTheWebhookAsksForRedeliveryAndStoresTheRestOfTheBatch()
    {
        await using var hub = await WhatsAppHost.StartAsync(apiBaseUrl: "http://127.0.0.1:1");
        var picture = new JsonObject
        {
            ["from"] = WhatsAppTestAccount.Customer, ["id"] = "wamid.unreachable", ["timestamp"] = "1773152600", ["type"] = "image",
            ["image"] = new JsonObject { ["mime_type"] = "image/png", ["id"] = "123" },
        };

        using var response = await hub.Client.SendAsync(WhatsAppTestAccount.Signed(hub.WebhookUrl,
            Encoding.UTF8.GetBytes(WhatsAppTestAccount.Notification([picture, WhatsAppTestAccount.Text("wamid.text-beside", "and a text")])))).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("and a text", Assert.Single(hub.Stream.Appended.Values).Text);
    }
}
