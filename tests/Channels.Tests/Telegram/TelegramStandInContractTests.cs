using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactHub.Channels.Telegram;
using ContactHub.Channels.Tests.Support;
using ContactHub.StandIns.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Tests.Telegram;

/// <summary>The Bot API stand-in keeps Telegram's documented contract, so the hub cannot pass against a lenient fake.</summary>
public sealed class TelegramStandInContractTests : IAsyncLifetime
{
    private TelegramStandIn standIn = null!;
    private readonly HttpClient client = new() { Timeout = Timeouts.Await };

    public async Task InitializeAsync() => standIn = await TelegramStandIn.StartAsync(messagesPerSecondPerChat: 1, requireHttpsWebhook: false);

    public async Task DisposeAsync()
    {
        client.Dispose();
        await standIn.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(string method, object parameters, string token = TelegramFixtures.BotToken)
    {
        using var response = await client.PostAsJsonAsync($"{standIn.BaseUrl}/bot{token}/{method}", parameters).WaitAsync(Timeouts.Await);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Timeouts.Await));
    }

    private static long[] UpdateIds(JsonElement body) => body.GetProperty("result").EnumerateArray().Select(u => u.GetProperty("update_id").GetInt64()).ToArray();

    [Fact]
    public async Task AWrongTokenIsAnswered401Unauthorized()
    {
        var (status, body) = await CallAsync("getMe", new { }, token: "5550000001:wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", body.GetRawText());
    }

    [Fact]
    public async Task ATokenThatContainsBotIsServedLikeAnyOther()
    {
        await using var other = await TelegramStandIn.StartAsync(botToken: "5550000003:AAbotBOTBotInsideTheRandomPart01234567");

        using var response = await client.PostAsJsonAsync($"{other.BaseUrl}/bot5550000003:AAbotBOTBotInsideTheRandomPart01234567/getMe", new { }).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetUpdatesKeepsUpdatesUntilALaterOffsetConfirmsThem()
    {
        var first = standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "One" });
        var second = standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Two" });

        var (_, unconfirmed) = await CallAsync("getUpdates", new { });
        var (_, again) = await CallAsync("getUpdates", new { offset = first.UpdateId, limit = 1 });
        var (_, afterConfirm) = await CallAsync("getUpdates", new { offset = first.UpdateId + 1 });

        Assert.Equal([first.UpdateId, second.UpdateId], UpdateIds(unconfirmed));
        Assert.Equal([first.UpdateId], UpdateIds(again));
        Assert.Equal([second.UpdateId], UpdateIds(afterConfirm));
        Assert.Equal("Two", afterConfirm.GetProperty("result")[0].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task GetUpdatesWaitsUpToItsTimeoutForAnUpdateThatArrives()
    {
        var watch = Stopwatch.StartNew();
        var (_, empty) = await CallAsync("getUpdates", new { timeout = 1 });
        var waitedEmpty = watch.Elapsed;

        var poll = CallAsync("getUpdates", new { timeout = 10 });
        await Task.Delay(300);
        var sent = standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Late" });
        var (_, woken) = await poll.WaitAsync(Timeouts.Await);

        Assert.Empty(UpdateIds(empty));
        Assert.InRange(waitedEmpty, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Equal([sent.UpdateId], UpdateIds(woken));
    }

    [Fact]
    public async Task GetUpdatesIsA409ConflictWhileAWebhookIsSet()
    {
        var (set, _) = await CallAsync("setWebhook", new { url = "https://hooks.example.com/webhooks/telegram", secret_token = "s3cret_-" });

        var (status, body) = await CallAsync("getUpdates", new { });

        Assert.Equal(HttpStatusCode.OK, set);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(BotUpdates.WebhookConflict, body.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task SetWebhookRefusesASecretTokenOutsideTelegramsCharacters(string secret)
    {
        var (status, body) = await CallAsync("setWebhook", new { url = "https://hooks.example.com/x", secret_token = secret });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Bad Request:", body.GetProperty("description").GetString());
        Assert.Null(standIn.Updates.Webhook);
    }

    [Fact]
    public async Task AWebhookGetsEachUpdateWithTheSecretHeaderAndIsRetriedUntilItAnswers2xx()
    {
        var received = new List<(string? Secret, long UpdateId)>();
        var answers = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            using var update = await JsonDocument.ParseAsync(request.Body);
            lock (received)
            {
                received.Add((request.Headers[TelegramSecretToken.HeaderName].FirstOrDefault(), update.RootElement.GetProperty("update_id").GetInt64()));
            }
            // The first delivery fails, as a hub restarting would: Telegram must try again.
            return Interlocked.Increment(ref answers) == 1 ? Results.StatusCode(500) : Results.Ok();
        });
        await receiver.StartAsync().WaitAsync(Timeouts.Await);
        var sent = standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Via webhook" });

        var (status, _) = await CallAsync("setWebhook", new { url = receiver.Urls.First() + "/hook", secret_token = "hook_Secret-1" });
        var deadline = DateTime.UtcNow + Timeouts.Await;
        while (standIn.Updates.PendingIds().Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(standIn.Updates.PendingIds());
        lock (received)
        {
            Assert.Equal([("hook_Secret-1", sent.UpdateId), ("hook_Secret-1", sent.UpdateId)], received);
        }
    }

    [Theory]
    [InlineData("""{"text":"hi"}""", "Bad Request: chat_id is empty")]
    [InlineData("""{"chat_id":5550123001}""", "Bad Request: message text is empty")]
    [InlineData("""{"chat_id":5550999999,"text":"hi"}""", "Bad Request: chat not found")]
    public async Task SendMessageRefusesWhatTelegramRefusesWith400(string json, string description)
    {
        standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Hello" });
        using var response = await client.PostAsync($"{standIn.BaseUrl}/bot{TelegramFixtures.BotToken}/sendMessage", new StringContent(json, Encoding.UTF8, "application/json")).WaitAsync(Timeouts.Await);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.GetProperty("ok").GetBoolean());
        Assert.Equal(400, body.GetProperty("error_code").GetInt32());
        Assert.Equal(description, body.GetProperty("description").GetString());
    }

    [Fact]
    public async Task AMessageOver4096CharactersIsRefused()
    {
        standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Hello" });

        var (status, body) = await CallAsync("sendMessage", new { chat_id = TelegramStandIn.Chloe.Id, text = new string('a', 4097) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad Request: message is too long", body.GetProperty("description").GetString());
    }

    [Fact]
    public async Task ASecondMessageToOneChatWithinTheRateIsA429WithRetryAfter()
    {
        standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Hello" });

        var (first, _) = await CallAsync("sendMessage", new { chat_id = TelegramStandIn.Chloe.Id, text = "One" });
        var (second, body) = await CallAsync("sendMessage", new { chat_id = TelegramStandIn.Chloe.Id, text = "Two" });

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, second);
        Assert.Equal(1, body.GetProperty("parameters").GetProperty("retry_after").GetInt32());
        Assert.Equal("Too Many Requests: retry after 1", body.GetProperty("description").GetString());
    }

    [Fact]
    public async Task AUserWhoBlockedTheBotIsA403UntilTheyWriteAgain()
    {
        standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Hello" });
        standIn.Chats.Block(TelegramStandIn.Chloe.Id);

        var (blocked, body) = await CallAsync("sendMessage", new { chat_id = TelegramStandIn.Chloe.Id, text = "Hi" });
        standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "I'm back" });
        var (unblocked, _) = await CallAsync("sendMessage", new { chat_id = TelegramStandIn.Chloe.Id, text = "Welcome back" });

        Assert.Equal(HttpStatusCode.Forbidden, blocked);
        Assert.Equal("Forbidden: bot was blocked by the user", body.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, unblocked);
    }

    [Fact]
    public async Task GetFileNamesAPathWhoseDownloadIsTheCustomersFile()
    {
        var document = Encoding.UTF8.GetBytes("Order A-4521");
        var (_, messageId) = standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Document = (document, "order.txt", "text/plain") });
        var fileId = standIn.Chats.CustomerMessage(TelegramStandIn.Chloe.Id, messageId)!["document"]!["file_id"]!.GetValue<string>();

        var (status, body) = await CallAsync("getFile", new { file_id = fileId });
        var path = body.GetProperty("result").GetProperty("file_path").GetString();
        var downloaded = await client.GetByteArrayAsync($"{standIn.BaseUrl}/file/bot{TelegramFixtures.BotToken}/{path}").WaitAsync(Timeouts.Await);
        using var wrongToken = await client.GetAsync($"{standIn.BaseUrl}/file/bot5550000001:wrong/{path}").WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(document, downloaded);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
    }

    [Fact]
    public async Task SendPhotoTakesAMultipartUploadAndRefusesARequestWithoutOne()
    {
        standIn.Customers.Send(new CustomerMessage(TelegramStandIn.Chloe) { Text = "Hello" });
        using var form = new MultipartFormDataContent { { new StringContent("5550123001"), "chat_id" } };
        var photo = new ByteArrayContent([1, 2, 3]);
        photo.Headers.ContentType = new("image/png");
        form.Add(photo, "photo", "label.png");

        using var uploaded = await client.PostAsync($"{standIn.BaseUrl}/bot{TelegramFixtures.BotToken}/sendPhoto", form).WaitAsync(Timeouts.Await);
        await Task.Delay(1100);
        var (missing, body) = await CallAsync("sendPhoto", new { chat_id = TelegramStandIn.Chloe.Id });

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal(("sendPhoto", "label.png", 3L), (standIn.Chats.Sent()[0].Method, standIn.Chats.Sent()[0].FileName, standIn.Chats.Sent()[0].Size!.Value));
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal("Bad Request: there is no photo in the request", body.GetProperty("description").GetString());
    }

    [Fact]
    public async Task TheTestSurfacePlaysCustomersAndShowsWhatTheBotSent()
    {
        var surface = standIn.BaseUrl + StandInSurface.Prefix;
        using var photo = await client.PostAsJsonAsync(surface + "/messages", new
        {
            chat_id = 5550123009,
            first_name = "Ana",
            caption = "Box",
            photo_base64 = Convert.ToBase64String([1, 2, 3, 4]),
        }).WaitAsync(Timeouts.Await);
        var photoIds = await photo.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Timeouts.Await);
        using var text = await client.PostAsJsonAsync(surface + "/messages", new { chat_id = 5550123009, first_name = "Ana", text = "Typo" }).WaitAsync(Timeouts.Await);
        var textIds = await text.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Timeouts.Await);
        using var located = await client.PostAsJsonAsync(surface + "/messages", new { chat_id = 5550123009, first_name = "Ana", location = new { latitude = 48.85, longitude = 2.29 } }).WaitAsync(Timeouts.Await);
        using var contact = await client.PostAsJsonAsync(surface + "/messages", new { chat_id = 5550123009, first_name = "Ana", contact = new { phone_number = "15555550123", first_name = "Ana", own = true } }).WaitAsync(Timeouts.Await);
        using var edit = await client.PostAsJsonAsync(surface + "/edits", new { chat_id = 5550123009, message_id = textIds.GetProperty("message_id").GetInt64(), text = "Fixed" }).WaitAsync(Timeouts.Await);
        using var unknownEdit = await client.PostAsJsonAsync(surface + "/edits", new { chat_id = 5550123009, message_id = 999, text = "?" }).WaitAsync(Timeouts.Await);
        using var button = await client.PostAsJsonAsync(surface + "/updates", new { kind = "callback_query", payload = new { id = "1", data = "yes" } }).WaitAsync(Timeouts.Await);

        var (_, updates) = await CallAsync("getUpdates", new { });
        var result = updates.GetProperty("result").EnumerateArray().ToList();
        Assert.Equal(photoIds.GetProperty("update_id").GetInt64(), result[0].GetProperty("update_id").GetInt64());
        Assert.Equal(3, result[0].GetProperty("message").GetProperty("photo").GetArrayLength());
        Assert.Equal("Box", result[0].GetProperty("message").GetProperty("caption").GetString());
        Assert.Equal(48.85, result[2].GetProperty("message").GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.Equal(5550123009, result[3].GetProperty("message").GetProperty("contact").GetProperty("user_id").GetInt64());
        Assert.Equal("Fixed", result[4].GetProperty("edited_message").GetProperty("text").GetString());
        Assert.True(result[4].GetProperty("edited_message").TryGetProperty("edit_date", out _));
        Assert.Equal("yes", result[5].GetProperty("callback_query").GetProperty("data").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknownEdit.StatusCode);

        using var blocked = await client.PostAsJsonAsync(surface + "/blocked", new { chat_id = 5550123009 }).WaitAsync(Timeouts.Await);
        var (refused, _) = await CallAsync("sendMessage", new { chat_id = 5550123009, text = "Hi" });
        using var unblockedByWriting = await client.PostAsJsonAsync(surface + "/messages", new { chat_id = 5550123009, first_name = "Ana", text = "Back" }).WaitAsync(Timeouts.Await);
        var (accepted, _) = await CallAsync("sendMessage", new { chat_id = 5550123009, text = "Welcome back" });
        var sent = await client.GetFromJsonAsync<JsonElement>(surface + "/sent").WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal(HttpStatusCode.OK, accepted);
        var only = Assert.Single(sent.EnumerateArray());
        Assert.Equal(("sendMessage", "Welcome back", 5550123009L), (only.GetProperty("method").GetString(), only.GetProperty("text").GetString(), only.GetProperty("chat_id").GetInt64()));
    }
}
