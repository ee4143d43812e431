using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>
/// WhatsApp's 24-hour customer-service window, enforced by the hub: a free-form reply after it is refused with the reason
/// (409, as opt-outs are), an approved template still goes out, and the reply options say which.
/// </summary>
public sealed class WhatsAppWindowTests(WhatsAppHubFixture hub) : IClassFixture<WhatsAppHubFixture>
{
    [Fact]
    public async Task AFreeFormReplyTwentySixHoursAfterTheCustomerLastWroteIsRefusedWith409AndTheReason()
    {
        var conversationId = await CustomerWroteAsync(TimeSpan.FromHours(26));

        using var response = await hub.Factory.CreateApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text = "Are you still there?" }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(TestServers.Timeout);
        Assert.Equal("outside-window", problem.GetProperty("title").GetString());
        Assert.Equal("The customer last wrote 26 h ago; WhatsApp allows only approved templates outside 24 h.", problem.GetProperty("detail").GetString());
        Assert.Single(await Interactions(conversationId));
    }

    [Fact]
    public async Task AFreeFormReplyWithinTheWindowIsQueued()
    {
        var conversationId = await CustomerWroteAsync(TimeSpan.FromHours(23));

        using var response = await hub.Factory.CreateApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text = "Yes, still here." }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task AnApprovedTemplateOutsideTheWindowIsQueuedWithItsParametersRendered()
    {
        var conversationId = await CustomerWroteAsync(TimeSpan.FromHours(30));

        using var response = await hub.Factory.CreateApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/replies",
            new { template = new { name = "ticket_update", language = "en_US", parameters = new[] { "#1042", "it shipped today" } } }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sent = (await Interactions(conversationId)).Last();
        Assert.Equal(("out", "Your ticket #1042 has news: it shipped today. Reply to continue."), (sent.Direction.ToString().ToLowerInvariant(), sent.Text));
    }

    [Theory]
    [InlineData("no_such_template", "en_US", 1, "“no_such_template” (en_US) is not an approved WhatsApp template on this hub.")]
    [InlineData("ticket_update", "es", 2, "“ticket_update” (es) is not an approved WhatsApp template on this hub.")]
    [InlineData("ticket_update", "en_US", 1, "“ticket_update” needs 2 value(s); 1 given.")]
    public async Task ATemplateThatIsNotApprovedOrMisfilledIsRefusedWithTheReason(string name, string language, int values, string reason)
    {
        var conversationId = await CustomerWroteAsync(TimeSpan.FromHours(30));

        using var response = await hub.Factory.CreateApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/replies",
            new { template = new { name, language, parameters = Enumerable.Repeat("x", values).ToArray() } }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(TestServers.Timeout);
        Assert.Equal(("template-refused", reason), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task ReplyOptionsOfALapsedConversationOfferOnlyTheApprovedTemplatesAndSayWhy()
    {
        var conversationId = await CustomerWroteAsync(TimeSpan.FromHours(48));

        var options = await hub.Factory.CreateApiClient().GetFromJsonAsync<JsonElement>($"/api/conversations/{conversationId}/reply-options").WaitAsync(TestServers.Timeout);

        Assert.False(options.GetProperty("freeFormAllowed").GetBoolean());
        Assert.Equal("The customer last wrote 48 h ago; WhatsApp allows only approved templates outside 24 h.", options.GetProperty("reason").GetString());
        var template = Assert.Single(options.GetProperty("templates").EnumerateArray());
        Assert.Equal(("ticket_update", 2), (template.GetProperty("name").GetString(), template.GetProperty("parameters").GetInt32()));
    }

    [Fact]
    public async Task AnSmsReplyToTheSameNumberIsNotHeldToTheWhatsAppWindow()
    {
        var phone = Sids.Phone();
        await CustomerWroteAsync(TimeSpan.FromHours(40), phone);
        var sms = await hub.Factory.Services.GetRequiredService<IConversationStream>()
            .AppendAsync(new InboundInteraction(ChannelKind.Sms, phone, Sids.Message(), "texting now", [], DateTimeOffset.UtcNow.AddHours(-40)), CancellationToken.None).WaitAsync(TestServers.Timeout);

        using var response = await hub.Factory.CreateApiClient().PostAsJsonAsync($"/api/conversations/{sms.ConversationId}/replies", new { text = "Got it" }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task AnAgentCanReadReplyOptionsButAnonymousCallersCannot()
    {
        var conversationId = await CustomerWroteAsync(TimeSpan.FromHours(1));

        using var anonymous = await hub.Factory.CreateClient().GetAsync($"/api/conversations/{conversationId}/reply-options").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<long> CustomerWroteAsync(TimeSpan ago, string? phone = null)
    {
        var appended = await hub.Factory.Services.GetRequiredService<IConversationStream>().AppendAsync(
            new InboundInteraction(ChannelKind.WhatsApp, phone ?? Sids.Phone(), "wamid." + Guid.NewGuid().ToString("N"), "Hello?", [], DateTimeOffset.UtcNow - ago),
            CancellationToken.None).WaitAsync(TestServers.Timeout);
        return appended.ConversationId;
    }

    private Task<IReadOnlyList<Interaction>> Interactions(long conversationId) =>
        hub.Factory.Services.GetRequiredService<ConversationRepository>().InteractionsAsync(conversationId, CancellationToken.None).WaitAsync(TestServers.Timeout);
}

/// <summary>The whole hub with the WhatsApp channel configured (its Graph API unreachable: these tests stop at the outbox).</summary>
public sealed class WhatsAppHubFixture : IDisposable
{
    public HubFactory Factory { get; } = new(extraSettings: new Dictionary<string, string>
    {
        ["WhatsApp:AccessToken"] = "test-whatsapp-token",
        ["WhatsApp:AppSecret"] = "test-whatsapp-secret",
        ["WhatsApp:VerifyToken"] = "test-verify-token",
        ["WhatsApp:PhoneNumberId"] = "100200300400500",
        ["WhatsApp:ApiBaseUrl"] = "http://127.0.0.1:9",
        ["WhatsApp:Templates:0:Name"] = "ticket_update",
        ["WhatsApp:Templates:0:Language"] = "en_US",
        ["WhatsApp:Templates:0:Body"] = "Your ticket {{1}} has news: {{2}}. Reply to continue.",
    });

    public void Dispose() => Factory.Dispose();
}
