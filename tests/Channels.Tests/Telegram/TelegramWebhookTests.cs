using System.Net;
using System.Text;
using ContactHub.Channels.Telegram;
using ContactHub.Channels.Tests.Support;
using ContactHub.Core.Events;
using ContactHub.Core.Store;
using ContactHub.StandIns.Telegram;
using Dapper;

namespace ContactHub.Channels.Tests.Telegram;

public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private StoreDatabase store = null!;
    private TelegramStandIn standIn = null!;
    private TelegramHost hub = null!;

    public async Task InitializeAsync()
    {
        store = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        standIn = await TelegramStandIn.StartAsync();
        hub = await TelegramHost.StartAsync(store, standIn.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        await standIn.DisposeAsync();
        await store.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string json, string? secret = TelegramFixtures.Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, hub.BaseUrl + TelegramWebhook.Path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramSecretToken.HeaderName, secret);
        }
        return await hub.Client.SendAsync(request).WaitAsync(Timeouts.Await);
    }

    [Fact]
    public async Task AnUpdateWithTheRightSecretIsStoredBeforeTelegramIsAnsweredOk()
    {
        using var response = await PostAsync(TelegramFixtures.UpdateJson("update_text"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await hub.InteractionsAsync());
        Assert.Equal("5550123001:5310", stored.ExternalId);
        Assert.Equal("Bonjour, my parcel #A-4521 hasn't arrived yet 📦", stored.Text);
    }

    [Theory]
    [InlineData("not-the-secret")]
    [InlineData(null)]
    public async Task AnUpdateWithoutTheRightSecretIsRefusedWith403AndNothingIsStored(string? secret)
    {
        using var response = await PostAsync(TelegramFixtures.UpdateJson("update_text"), secret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await hub.InteractionsAsync());
    }

    [Fact]
    public async Task AHubWithoutAWebhookSecretRefusesEveryWebhookCall()
    {
        await using var store2 = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var unsecured = await TelegramHost.StartAsync(store2, standIn.BaseUrl, publicBaseUrl: "http://127.0.0.1:1", webhookSecret: "");
        using var request = new HttpRequestMessage(HttpMethod.Post, unsecured.BaseUrl + TelegramWebhook.Path)
        {
            Content = new StringContent(TelegramFixtures.UpdateJson("update_text"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramSecretToken.HeaderName, "");

        using var response = await unsecured.Client.SendAsync(request).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await unsecured.InteractionsAsync());
    }

    [Fact]
    public async Task ARetriedUpdateIsAnsweredOkAgainAndStoredOnce()
    {
        using var first = await PostAsync(TelegramFixtures.UpdateJson("update_text"));
        using var retry = await PostAsync(TelegramFixtures.UpdateJson("update_text"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(await hub.InteractionsAsync());
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedWith413()
    {
        var huge = TelegramFixtures.UpdateJson("update_text").Replace("Bonjour", new string('x', 300 * 1024));

        using var response = await PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await hub.InteractionsAsync());
    }

    [Theory]
    [InlineData("""{"message":{"message_id":1,"chat":{"id":5,"type":"private"}}}""", "update_id is required.")]
    [InlineData("""{"update_id":9,"message":{"chat":{"id":5,"type":"private"},"text":"hi"}}""", "message.message_id is required.")]
    [InlineData("""[1,2,3]""", "The body is not a Telegram Update")]
    public async Task AMalformedUpdateIsRefusedWith400AndSaysWhy(string json, string reason)
    {
        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(reason, await response.Content.ReadAsStringAsync().WaitAsync(Timeouts.Await));
    }

    [Fact]
    public async Task AButtonPressIsAnsweredOkAndStoresNothing()
    {
        using var response = await PostAsync(TelegramFixtures.UpdateJson("update_callback_query"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await hub.InteractionsAsync());
    }

    [Fact]
    public async Task AnEditReplacesTheStoredTextMarksItEditedAndTellsTheConsole()
    {
        using var original = await PostAsync(TelegramFixtures.UpdateJson("update_text"));
        using var edit = await PostAsync(TelegramFixtures.UpdateJson("update_edited_message"));

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var stored = Assert.Single(await hub.InteractionsAsync());
        Assert.Equal("Bonjour, my parcel #A-4521 hasn't arrived yet 📦 (ordered on 2 March)", stored.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773152680).ToUnixTimeMilliseconds(), stored.EditedAt);
        Assert.Contains(hub.Events.Published, e => e is InteractionStatusChanged changed && changed.InteractionId == stored.Id);
    }

    [Fact]
    public async Task AnOlderEditRetriedAfterANewerOneDoesNotUndoIt()
    {
        var older = TelegramFixtures.UpdateJson("update_edited_message");
        var newer = older.Replace("1773152680", "1773152999").Replace("(ordered on 2 March)", "(ordered on 3 March)");
        using var original = await PostAsync(TelegramFixtures.UpdateJson("update_text"));
        using var second = await PostAsync(newer);
        using var retriedFirst = await PostAsync(older);

        Assert.EndsWith("(ordered on 3 March)", Assert.Single(await hub.InteractionsAsync()).Text);
    }

    [Fact]
    public async Task AStartPayloadStaysOnTheMessageAndIsLoggedOnTheConversation()
    {
        using var response = await PostAsync(TelegramFixtures.UpdateJson("update_start_command"));

        var stored = Assert.Single(await hub.InteractionsAsync());
        Assert.Equal("/start order_4521", stored.Text);
        var events = await new ConversationEventLog(store.Connections, TimeProvider.System).ListAsync(stored.ConversationId, CancellationToken.None).WaitAsync(Timeouts.Await);
        var started = Assert.Single(events, e => e.Kind == ConversationEventKinds.StartPayload);
        Assert.Equal("order_4521", started.Data!.Value.GetProperty("payload").GetString());
    }

    [Fact]
    public async Task ACustomersPhotoIsFetchedInItsLargestSizeAndStoredWithTheCaptionAsText()
    {
        var picture = Enumerable.Range(0, 20_000).Select(i => (byte)i).ToArray();
        var update = standIn.UpdateFor(new CustomerMessage(TelegramStandIn.Chloe) { Photo = picture, Caption = "Crushed box" }, updateId: 42);

        using var response = await PostAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await hub.InteractionsAsync());
        Assert.Equal("Crushed box", stored.Text);
        await using var connection = await store.Connections.OpenAsync();
        var file = await connection.QuerySingleAsync<(string ContentType, byte[] Content)>(
            "SELECT content_type AS ContentType, content AS Content FROM interaction_files WHERE interaction_id = @id", new { id = stored.Id });
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Equal(picture, file.Content);
    }

    [Fact]
    public async Task ACustomersDocumentIsStoredUnderItsOwnName()
    {
        var receipt = Encoding.UTF8.GetBytes("RECEIPT A-4521");
        var update = standIn.UpdateFor(new CustomerMessage(TelegramStandIn.Chloe) { Document = (receipt, "receipt.txt", "text/plain") }, updateId: 43);

        using var response = await PostAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await hub.InteractionsAsync());
        Assert.Contains("receipt.txt", stored.AttachmentsJson);
    }

    [Fact]
    public async Task AFileOverTheHubsLimitIsListedAsTooLargeWithoutBeingDownloaded()
    {
        var json = TelegramFixtures.UpdateJson("update_document").Replace("48213", (30L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await hub.InteractionsAsync());
        Assert.Contains("\"tooLarge\":true", stored.AttachmentsJson);
    }

    [Fact]
    public async Task AFileTelegramDoesNotKnowIsNotedInTheTextAndTheMessageIsKept()
    {
        using var response = await PostAsync(TelegramFixtures.UpdateJson("update_voice"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await hub.InteractionsAsync());
        Assert.Contains("could not be fetched from Telegram: Bad Request: invalid file_id", stored.Text);
    }

    [Fact]
    public async Task AnUnreachableFileServerIsAnsweredWithA503SoTelegramRetries()
    {
        await using var store2 = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var cutOff = await TelegramHost.StartAsync(store2, "http://127.0.0.1:1");
        using var request = new HttpRequestMessage(HttpMethod.Post, cutOff.BaseUrl + TelegramWebhook.Path)
        {
            Content = new StringContent(TelegramFixtures.UpdateJson("update_photo_caption"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramSecretToken.HeaderName, TelegramFixtures.Secret);

        using var response = await cutOff.Client.SendAsync(request).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(await cutOff.InteractionsAsync());
    }

    [Fact]
    public async Task AnHttpsHubRegistersItsWebhookWithTheSecretAtStart()
    {
        var deadline = DateTime.UtcNow + Timeouts.Await;
        while (standIn.Updates.Webhook is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var webhook = standIn.Updates.Webhook;
        Assert.NotNull(webhook);
        Assert.Equal("https://hooks.example.com/webhooks/telegram", webhook.Url);
        Assert.Equal(TelegramFixtures.Secret, webhook.SecretToken);
        Assert.Equal(TelegramBotApi.AllowedUpdates, webhook.AllowedUpdates);
    }
}
