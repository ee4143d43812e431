using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactHub.Channels.Twilio;
using ContactHub.Core.Store;
using ContactHub.Server.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactHub.Server.Tests;

/// <summary>STOP, START and HELP through the real signed webhook, the store and the reply API.</summary>
public sealed class SmsOptOutTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    private const string Path = "/webhooks/twilio/sms";

    [Fact]
    public async Task AfterStopTheReplyApiRefusesWith409AndSaysWhy()
    {
        var from = Sids.Phone();
        await TextAsync(from, "Stop");
        var conversationId = (await TimelineOfAsync(from)).Single().ConversationId;

        var response = await hub.Factory.CreateApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text = "Sorry to see you go" }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("opted-out", problem.GetProperty("title").GetString());
        Assert.Contains("\"STOP\"", problem.GetProperty("detail").GetString());
        Assert.Contains("START", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(await TimelineOfAsync(from), i => i.Direction == "out");
    }

    [Fact]
    public async Task StartAfterStopLetsTheAgentTextAgainAndBothAreLoggedOnce()
    {
        var from = Sids.Phone();
        var stop = await TextAsync(from, "STOP");
        await TextAsync(from, "STOP", stop); // Twilio retrying the same MessageSid.
        await TextAsync(from, "start");
        var conversationId = (await TimelineOfAsync(from)).First().ConversationId;

        var response = await hub.Factory.CreateApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text = "Welcome back!" }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var events = await hub.Factory.Services.GetRequiredService<ConversationEventLog>().ListAsync(conversationId, CancellationToken.None).WaitAsync(TestServers.Timeout);
        Assert.Single(events, e => e.Kind == ConversationEventKinds.OptedOut);
        Assert.Single(events, e => e.Kind == ConversationEventKinds.OptedIn);
    }

    [Fact]
    public async Task HelpIsAnsweredWithTheConfiguredTextOnceEvenWhenTwilioRetries()
    {
        var from = Sids.Phone();
        var sid = await TextAsync(from, "HELP");
        await TextAsync(from, "HELP", sid);

        var timeline = await TimelineOfAsync(from);

        var help = hub.Factory.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.HelpReply;
        var answer = Assert.Single(timeline, i => i.Direction == "out");
        Assert.Equal(help, answer.Text);
    }

    [Fact]
    public async Task AnAccountsOwnOptOutWordReportedByTwilioOptsOut()
    {
        var from = Sids.Phone();
        await TextAsync(from, "Arrêt", optOutType: "STOP");

        var optOut = await hub.Factory.Services.GetRequiredService<OptOuts>().FindAsync(ContactHub.Core.Domain.ChannelKind.Sms, from, CancellationToken.None).WaitAsync(TestServers.Timeout);

        Assert.Equal("ARRÊT", optOut?.Keyword);
    }

    [Fact]
    public async Task AStopInsideASentenceIsAnOrdinaryMessage()
    {
        var from = Sids.Phone();
        await TextAsync(from, "please stop the delivery, I moved");

        Assert.Null(await hub.Factory.Services.GetRequiredService<OptOuts>().FindAsync(ContactHub.Core.Domain.ChannelKind.Sms, from, CancellationToken.None).WaitAsync(TestServers.Timeout));
    }

    private async Task<string> TextAsync(string from, string body, string? messageSid = null, string? optOutType = null)
    {
        messageSid ??= Sids.Message();
        var request = TwilioFixture.Load("sms_inbound_plain").With("MessageSid", messageSid).With("From", from).With("Body", body);
        if (optOutType is not null)
        {
            request = request.With("OptOutType", optOutType);
        }
        var response = await hub.Factory.CreateClient().SendAsync(request.SignedRequest(Path)).WaitAsync(TestServers.Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return messageSid;
    }

    private async Task<List<InteractionDto>> TimelineOfAsync(string phone)
    {
        var api = hub.Factory.CreateApiClient();
        var contact = Assert.Single((await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(phone)}").WaitAsync(TestServers.Timeout))!);
        return (await api.GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{contact.Id}/timeline").WaitAsync(TestServers.Timeout))!;
    }
}
