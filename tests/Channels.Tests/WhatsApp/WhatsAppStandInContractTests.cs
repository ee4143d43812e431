using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactHub.Channels.Tests.Support;
using ContactHub.Channels.WhatsApp;
using ContactHub.StandIns;

namespace ContactHub.Channels.Tests.WhatsApp;

/// <summary>The Graph stand-in refuses what the Cloud API refuses, with Meta's error shapes, and tells the hub what happens, signed.</summary>
public sealed class WhatsAppStandInContractTests
{
    private const string MessagesPath = $"/v23.0/{WhatsAppTestAccount.PhoneNumberId}/messages";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-our-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task ACallWithoutOurTokenIsRefusedWith401AndOAuthException190(string? authorization)
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        using var client = new HttpClient { BaseAddress = new Uri(standIn.BaseUrl()), Timeout = Timeouts.Await };
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesPath) { Content = JsonContent.Create(new { messaging_product = "whatsapp", to = WhatsAppTestAccount.Customer, type = "text", text = new { body = "hi" } }) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal((190, "OAuthException"), (error.GetProperty("code").GetInt32(), error.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("fbtrace_id").GetString()));
    }

    [Fact]
    public async Task AnotherPhoneNumberIdIsAnUnknownObject()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);

        using var response = await Api(standIn).PostAsJsonAsync("/v23.0/999999999/messages", new { messaging_product = "whatsapp", to = WhatsAppTestAccount.Customer, type = "text", text = new { body = "hi" } }).WaitAsync(Timeouts.Await);

        var error = await ErrorAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, 100, 33), (response.StatusCode, error.GetProperty("code").GetInt32(), error.GetProperty("error_subcode").GetInt32()));
    }

    [Theory]
    [InlineData("""{"to":"15555550123","type":"text","text":{"body":"hi"}}""", "The parameter messaging_product is required and must be \"whatsapp\".")]
    [InlineData("""{"messaging_product":"whatsapp","type":"text","text":{"body":"hi"}}""", "The parameter to is required and must be a phone number.")]
    [InlineData("""{"messaging_product":"whatsapp","to":"15555550123","type":"text","text":{}}""", "The parameter text['body'] is required.")]
    [InlineData("""{"messaging_product":"whatsapp","to":"15555550123","type":"template","template":{"name":"ticket_update"}}""", "The parameters template['name'] and template['language']['code'] are required.")]
    [InlineData("""not json""", "The request body is not valid JSON.")]
    public async Task AMissingRequiredFieldIsRefusedWithCode100AndItsDetails(string body, string details)
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        await OpenWindowAsync(standIn);

        using var response = await Api(standIn).PostAsync(MessagesPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json")).WaitAsync(Timeouts.Await);

        var error = await ErrorAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, 100), (response.StatusCode, error.GetProperty("code").GetInt32()));
        Assert.Equal(details, error.GetProperty("error_data").GetProperty("details").GetString());
    }

    [Fact]
    public async Task FreeTextToACustomerWhoNeverWroteIsRefusedWith131047ButAnApprovedTemplateGoesOut()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        var api = Api(standIn);

        using var text = await api.PostAsJsonAsync(MessagesPath, new { messaging_product = "whatsapp", to = WhatsAppTestAccount.Customer, type = "text", text = new { body = "hi" } }).WaitAsync(Timeouts.Await);
        using var template = await api.PostAsJsonAsync(MessagesPath, TemplateBody("ticket_update", "es", "#1042")).WaitAsync(Timeouts.Await);

        Assert.Equal(131047, (await ErrorAsync(text)).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var sent = Assert.Single(await SentAsync(standIn));
        Assert.Equal(("template", "ticket_update", "Tu ticket #1042 tiene novedades."), (sent.GetProperty("type").GetString(), sent.GetProperty("template").GetString(), sent.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task AWindowThatLapsedTwentyFiveHoursAgoRefusesFreeText()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        await OpenWindowAsync(standIn, hoursAgo: 25);

        using var response = await Api(standIn).PostAsJsonAsync(MessagesPath, new { messaging_product = "whatsapp", to = WhatsAppTestAccount.Customer, type = "text", text = new { body = "hi" } }).WaitAsync(Timeouts.Await);

        Assert.Equal(131047, (await ErrorAsync(response)).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("ticket_update", "en_US", 1, 132001)]
    [InlineData("no_such", "es", 1, 132001)]
    [InlineData("ticket_update", "es", 2, 132000)]
    public async Task OnlyApprovedTemplatesWithTheirParametersAreAccepted(string name, string language, int parameters, int code)
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);

        using var response = await Api(standIn).PostAsJsonAsync(MessagesPath, TemplateBody(name, language, [.. Enumerable.Repeat("x", parameters)])).WaitAsync(Timeouts.Await);

        Assert.Equal(code, (await ErrorAsync(response)).GetProperty("code").GetInt32());
        Assert.Empty(await SentAsync(standIn));
    }

    [Fact]
    public async Task ASecondMessageToOneCustomerWithinThePairIntervalIsRefusedWith131056()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(pairInterval: TimeSpan.FromSeconds(30)), CancellationToken.None).WaitAsync(Timeouts.Await);
        await OpenWindowAsync(standIn);
        var api = Api(standIn);

        using var first = await api.PostAsJsonAsync(MessagesPath, new { messaging_product = "whatsapp", to = WhatsAppTestAccount.Customer, type = "text", text = new { body = "one" } }).WaitAsync(Timeouts.Await);
        using var second = await api.PostAsJsonAsync(MessagesPath, new { messaging_product = "whatsapp", to = WhatsAppTestAccount.Customer, type = "text", text = new { body = "two" } }).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(131056, (await ErrorAsync(second)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task ACustomersMessageReachesTheHubSignedOverTheExactBytesWithNonAsciiEscaped()
    {
        await using var hub = await WhatsAppWebhookCapture.StartAsync();
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(hub.Url), CancellationToken.None).WaitAsync(Timeouts.Await);

        using var written = await new HttpClient { Timeout = Timeouts.Await }.PostAsJsonAsync(
            $"{standIn.BaseUrl()}/_standin/whatsapp/customers/{WhatsAppTestAccount.Customer}/messages", new { text = "¿Dónde está? 🙏", name = "Zoë" }).WaitAsync(Timeouts.Await);
        var (body, signature) = await hub.NextAsync();

        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.True(WhatsAppSignature.IsValid(WhatsAppTestAccount.AppSecret, body, signature));
        Assert.Contains("\\u00BFD\\u00F3nde", System.Text.Encoding.UTF8.GetString(body), StringComparison.OrdinalIgnoreCase);
        var notification = JsonSerializer.Deserialize<WhatsAppNotification>(body)!;
        var message = Assert.Single(WhatsAppMapper.Map(notification, DateTimeOffset.UtcNow).Messages).Interaction;
        Assert.Equal(("+15555550123", "Zoë", "¿Dónde está? 🙏"), (message.SenderAddress, message.SenderDisplayName, message.Text));
    }

    [Fact]
    public async Task AnAcceptedMessageIsToldSentThenDeliveredThenReadInSignedWebhooks()
    {
        await using var hub = await WhatsAppWebhookCapture.StartAsync();
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(hub.Url), CancellationToken.None).WaitAsync(Timeouts.Await);
        await OpenWindowAsync(standIn);
        await hub.NextAsync();

        using var response = await Api(standIn).PostAsJsonAsync(MessagesPath, new { messaging_product = "whatsapp", to = WhatsAppTestAccount.Customer, type = "text", text = new { body = "Shipped" } }).WaitAsync(Timeouts.Await);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages")[0].GetProperty("id").GetString();
        var told = new List<(string?, string?)>();
        for (var i = 0; i < 3; i++)
        {
            var (body, signature) = await hub.NextAsync();
            Assert.True(WhatsAppSignature.IsValid(WhatsAppTestAccount.AppSecret, body, signature));
            var status = Assert.Single(WhatsAppMapper.Map(JsonSerializer.Deserialize<WhatsAppNotification>(body)!, DateTimeOffset.UtcNow).Statuses);
            told.Add((status.MessageId, status.Status));
        }

        Assert.StartsWith("wamid.", id);
        Assert.Equal([(id, "sent"), (id, "delivered"), (id, "read")], told);
    }

    [Fact]
    public async Task AMessageToAnUndeliverableNumberIsToldFailedWith131026()
    {
        await using var hub = await WhatsAppWebhookCapture.StartAsync();
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(hub.Url, undeliverable: WhatsAppTestAccount.Customer), CancellationToken.None).WaitAsync(Timeouts.Await);
        await OpenWindowAsync(standIn);
        await hub.NextAsync();

        using var response = await Api(standIn).PostAsJsonAsync(MessagesPath, new { messaging_product = "whatsapp", to = WhatsAppTestAccount.Customer, type = "text", text = new { body = "Hello?" } }).WaitAsync(Timeouts.Await);
        var (body, _) = await hub.NextAsync();

        var status = Assert.Single(WhatsAppMapper.Map(JsonSerializer.Deserialize<WhatsAppNotification>(body)!, DateTimeOffset.UtcNow).Statuses);
        Assert.Equal(("failed", "131026"), (status.Status, status.ErrorCode));
    }

    [Fact]
    public async Task UploadedMediaIsDescribedAndDownloadedOnlyWithTheToken()
    {
        await using var standIn = await StandInHost.StartAsync(WhatsAppTestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        var api = Api(standIn);
        var file = new ByteArrayContent([1, 2, 3, 4]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");

        using var upload = await api.PostAsync($"/v23.0/{WhatsAppTestAccount.PhoneNumberId}/media", new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent("application/pdf"), "type" },
            { file, "file", "label.pdf" },
        }).WaitAsync(Timeouts.Await);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var info = await api.GetFromJsonAsync<JsonElement>($"/v23.0/{id}").WaitAsync(Timeouts.Await);
        var url = info.GetProperty("url").GetString()!;
        var bytes = await api.GetByteArrayAsync(url).WaitAsync(Timeouts.Await);
        using var anonymous = await new HttpClient { Timeout = Timeouts.Await }.GetAsync(url).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(("application/pdf", 4), (info.GetProperty("mime_type").GetString(), info.GetProperty("file_size").GetInt32()));
        Assert.Equal([1, 2, 3, 4], bytes);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static HttpClient Api(Microsoft.AspNetCore.Builder.WebApplication standIn)
    {
        var client = new HttpClient { BaseAddress = new Uri(standIn.BaseUrl()), Timeout = Timeouts.Await };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WhatsAppTestAccount.AccessToken);
        return client;
    }

    private static async Task OpenWindowAsync(Microsoft.AspNetCore.Builder.WebApplication standIn, double hoursAgo = 0)
    {
        using var client = new HttpClient { Timeout = Timeouts.Await };
        using var response = await client.PostAsJsonAsync($"{standIn.BaseUrl()}/_standin/whatsapp/customers/{WhatsAppTestAccount.Customer}/messages", new { text = "hello", hours_ago = hoursAgo }).WaitAsync(Timeouts.Await);
        response.EnsureSuccessStatusCode();
    }

    private static object TemplateBody(string name, string language, params string[] parameters) => new
    {
        messaging_product = "whatsapp",
        to = WhatsAppTestAccount.Customer,
        type = "template",
        template = new
        {
            name,
            language = new { code = language },
            components = new[] { new { type = "body", parameters = parameters.Select(p => new { type = "text", text = p }).ToArray() } },
        },
    };

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Timeouts.Await)).GetProperty("error");

    private static async Task<List<JsonElement>> SentAsync(Microsoft.AspNetCore.Builder.WebApplication standIn)
    {
        using var client = new HttpClient { Timeout = Timeouts.Await };
        return (await client.GetFromJsonAsync<List<JsonElement>>($"{standIn.BaseUrl()}/_standin/whatsapp/messages").WaitAsync(Timeouts.Await))!;
    }
}
