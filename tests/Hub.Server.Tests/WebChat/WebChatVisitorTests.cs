using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactHub.Server.Api;

namespace ContactHub.Server.Tests.WebChat;

/// <summary>The visitor side of the web chat through the whole hub: tokens, resends, uploads, origins and availability.</summary>
public sealed class WebChatVisitorTests : IDisposable
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    private readonly HubFactory _hub = new(extraSettings: VisitorApi.Settings(("WebChat:MaxUploadBytes", "2048"), ("WebChat:AllowedOrigins:0", "https://shop.example.com")));

    private VisitorApi Visitor() => new(_hub.CreateClient());

    [Fact]
    public async Task APreChatFormStartsAConversationUnderTheVisitorsNameAndTheTokenReadsItBack()
    {
        var visitor = Visitor();

        var (status, session) = await visitor.StartAsync("Grace Hopper", "grace@example.com", "Do you ship to Norway?");

        Assert.Equal(HttpStatusCode.Created, status);
        var token = session.GetProperty("token").GetString()!;
        var (_, transcript) = await visitor.TranscriptAsync(token);
        var message = Assert.Single(transcript.EnumerateArray());
        Assert.Equal("Do you ship to Norway?", message.GetProperty("text").GetString());
        Assert.Equal("visitor", message.GetProperty("from").GetString());
        var contact = Assert.Single(await SearchAsync("Grace Hopper"));
        Assert.Equal("webchat", Assert.Single(contact.Identities).Channel);
    }

    [Fact]
    public async Task WhileWaitingAVisitorIsToldTheirPlaceInLine()
    {
        var visitor = Visitor();
        var (_, first) = await visitor.StartAsync("First In Line", message: "I was here first");
        var (_, second) = await visitor.StartAsync("Second In Line", message: "Me too");

        Assert.Equal("You are next in line.", first.GetProperty("status").GetProperty("text").GetString());
        var status = second.GetProperty("status");
        Assert.Equal("waiting", status.GetProperty("state").GetString());
        Assert.Equal(2, status.GetProperty("position").GetInt32());
        Assert.Equal("You are number 2 in line.", status.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AForgedTokenIsRefusedAndStoresNothing()
    {
        var visitor = Visitor();
        var token = await visitor.StartTokenAsync("Forger Visitor", message: "");
        var forged = token[..^6] + (token[^6] == 'A' ? "BBBBBB" : "AAAAAA");

        var (status, body) = await visitor.PostAsync(forged, VisitorApi.NewMessageId(), "Let me in");
        var (missing, _) = await visitor.PostAsync(null, VisitorApi.NewMessageId(), "Let me in");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("token", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, missing);
        Assert.Empty(await SearchAsync("Forger Visitor"));
    }

    [Fact]
    public async Task OneVisitorsTokenNeverReadsOrWritesAnotherVisitorsConversation()
    {
        var visitor = Visitor();
        var ada = await visitor.StartTokenAsync("Ada Visitor", message: "Ada's private question");
        var bob = await visitor.StartTokenAsync("Bob Visitor", message: "Bob's question");

        await visitor.PostAsync(bob, VisitorApi.NewMessageId(), "Bob again");
        var (_, bobsTranscript) = await visitor.TranscriptAsync(bob);
        var (_, adasTranscript) = await visitor.TranscriptAsync(ada);

        Assert.Equal(["Bob's question", "Bob again"], bobsTranscript.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(["Ada's private question"], adasTranscript.EnumerateArray().Select(m => m.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task AMessageResentAfterAReconnectWithTheSameIdIsStoredOnce()
    {
        var visitor = Visitor();
        var token = await visitor.StartTokenAsync("Resend Visitor", message: "");
        var messageId = VisitorApi.NewMessageId();

        var (first, firstAck) = await visitor.PostAsync(token, messageId, "Is my order on its way?");
        var (again, againAck) = await visitor.PostAsync(token, messageId, "Is my order on its way?");

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(firstAck.GetProperty("id").GetInt64(), againAck.GetProperty("id").GetInt64());
        var (_, transcript) = await visitor.TranscriptAsync(token);
        Assert.Equal(messageId, Assert.Single(transcript.EnumerateArray()).GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task TheSameMessageIdFromTwoVisitorsIsTwoMessages()
    {
        var visitor = Visitor();
        var one = await visitor.StartTokenAsync("First Sharer", message: "");
        var two = await visitor.StartTokenAsync("Second Sharer", message: "");
        var shared = VisitorApi.NewMessageId();

        var (_, a) = await visitor.PostAsync(one, shared, "from one");
        var (_, b) = await visitor.PostAsync(two, shared, "from two");

        Assert.NotEqual(a.GetProperty("id").GetInt64(), b.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task AnImageWithinTheLimitIsStoredAsAFileOfTheConversation()
    {
        var visitor = Visitor();
        var token = await visitor.StartTokenAsync("Photo Visitor");

        var (status, ack) = await visitor.UploadAsync(token, "damage.png", Png);

        Assert.Equal(HttpStatusCode.OK, status);
        var contact = Assert.Single(await SearchAsync("Photo Visitor"));
        var timeline = await _hub.CreateApiClient().GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{contact.Id}/timeline").WaitAsync(TestServers.Timeout);
        var upload = Assert.Single(timeline!, i => i.Id == ack.GetProperty("id").GetInt64());
        var file = Assert.Single(upload.Attachments);
        Assert.Equal("damage.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        var download = await _hub.CreateApiClient().GetByteArrayAsync(file.Url).WaitAsync(TestServers.Timeout);
        Assert.Equal(Png, download);
    }

    [Theory]
    [InlineData("notes.exe", 415, "only images")]
    [InlineData("script.png", 415, "does not look like")]
    [InlineData("huge.pdf", 413, "too large")]
    public async Task AnUploadOutsideTheLimitsIsRefusedWithAClearReasonAndNothingIsStored(string fileName, int expected, string reason)
    {
        var visitor = Visitor();
        var token = await visitor.StartTokenAsync("Upload Visitor " + expected + fileName, message: "");
        var content = fileName switch
        {
            "huge.pdf" => [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[4096]],
            _ => "<script>alert(1)</script>"u8.ToArray(),
        };

        var (status, body) = await visitor.UploadAsync(token, fileName, content);

        Assert.Equal(expected, (int)status);
        Assert.Contains(reason, body.GetProperty("error").GetString());
        Assert.Empty(await SearchAsync("Upload Visitor " + expected + fileName));
    }

    [Fact]
    public async Task AnOversizedOrMalformedMessageIsA4xxWithAReason()
    {
        var visitor = Visitor();
        var token = await visitor.StartTokenAsync("Malformed Visitor", message: "");

        var (tooLong, tooLongBody) = await visitor.PostAsync(token, VisitorApi.NewMessageId(), new string('x', 2001));
        var (noId, noIdBody) = await visitor.PostAsync(token, "", "hello");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/api/messages") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Visitor-Token", token);
        using var badJson = await _hub.CreateClient().SendAsync(request).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Contains("at most 2000", tooLongBody.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noId);
        Assert.Contains("messageId", noIdBody.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Contains("not valid JSON", await badJson.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APreChatEmailThatIsNotAnAddressIsRefused()
    {
        var (status, body) = await Visitor().StartAsync("Typo Visitor", "grace@@example");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("e-mail", body.GetProperty("error").GetString());
        Assert.Empty(await SearchAsync("Typo Visitor"));
    }

    [Fact]
    public async Task APageOfAnotherSiteIsRefusedAndAnAllowedOneGetsCorsHeaders()
    {
        var client = _hub.CreateClient();
        using var evil = new HttpRequestMessage(HttpMethod.Get, $"/webchat/api/availability?key={VisitorApi.ChannelKey}");
        evil.Headers.Add("Origin", "https://evil.example.org");
        using var shop = new HttpRequestMessage(HttpMethod.Get, $"/webchat/api/availability?key={VisitorApi.ChannelKey}");
        shop.Headers.Add("Origin", "https://shop.example.com");

        using var refused = await client.SendAsync(evil).WaitAsync(TestServers.Timeout);
        using var allowed = await client.SendAsync(shop).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://shop.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task AWrongChannelKeyIsRefused()
    {
        var (status, body) = await new VisitorApi(_hub.CreateClient(), "not-the-key").StartAsync("Wrong Key Visitor");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("channel key", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ANewVisitorGetsTheChatOnlyWhileSomeoneIsLoggedInAndTheQueueIsOpen()
    {
        var nobody = await AvailabilityAsync();
        var supervisor = _hub.CreateApiClient(HubFactory.SupervisorToken);
        var agents = await supervisor.GetFromJsonAsync<JsonElement>("/api/agents").WaitAsync(TestServers.Timeout);
        var alice = agents.EnumerateArray().Single(a => a.GetProperty("userName").GetString() == "alice").GetProperty("id").GetInt64();
        (await supervisor.PutAsJsonAsync($"/api/agents/{alice}/presence", new { presence = "available" }).WaitAsync(TestServers.Timeout)).EnsureSuccessStatusCode();
        var staffed = await AvailabilityAsync();
        var today = DateTime.UtcNow.Date;
        var holidays = string.Join(',', new[] { -1, 0, 1 }.Select(d => $"\"{today.AddDays(d):yyyy-MM-dd}\""));
        var closedHours = $$$"""{"displayName":"General","timeZone":"Europe/Berlin","hours":{"days":{"mon-fri":"09:00-17:00"},"holidays":[{{{holidays}}}]}}""";
        (await _hub.CreateApiClient(HubFactory.AdminToken).PutAsync("/api/admin/queues/general", new StringContent(closedHours, System.Text.Encoding.UTF8, "application/json")).WaitAsync(TestServers.Timeout)).EnsureSuccessStatusCode();
        var closed = await AvailabilityAsync();

        Assert.False(nobody.GetProperty("open").GetBoolean());
        Assert.Contains("Nobody is available", nobody.GetProperty("reason").GetString());
        Assert.Equal("Test Support", nobody.GetProperty("companyName").GetString());
        Assert.True(staffed.GetProperty("open").GetBoolean());
        Assert.False(closed.GetProperty("open").GetBoolean());
        Assert.Contains("We are closed", closed.GetProperty("reason").GetString());
    }

    private async Task<JsonElement> AvailabilityAsync() =>
        await _hub.CreateClient().GetFromJsonAsync<JsonElement>($"/webchat/api/availability?key={VisitorApi.ChannelKey}").WaitAsync(TestServers.Timeout);

    [Fact]
    public async Task TheDemoPageEmbedsTheWidgetWithTheConfiguredKey()
    {
        var client = _hub.CreateClient();

        var page = await client.GetStringAsync("/webchat/demo").WaitAsync(TestServers.Timeout);
        using var script = await client.GetAsync("/webchat/widget.js").WaitAsync(TestServers.Timeout);

        Assert.Contains($"<script src=\"/webchat/widget.js\" data-channel-key=\"{VisitorApi.ChannelKey}\" async></script>", page);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync());
    }

    private async Task<List<ContactSummary>> SearchAsync(string query) =>
        (await _hub.CreateApiClient().GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(query)}").WaitAsync(TestServers.Timeout))!;

    public void Dispose() => _hub.Dispose();
}
