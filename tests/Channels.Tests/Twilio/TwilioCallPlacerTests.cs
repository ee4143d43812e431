using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactHub.Channels.Tests.Support;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.StandIns;
using ContactHub.StandIns.Twilio.Calls;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.Twilio;

/// <summary>Click-to-call through the hub's voice sender against the stand-in's Calls resource.</summary>
public sealed class TwilioCallPlacerTests : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication standIn = null!;
    private readonly HttpClient http = new() { Timeout = Timeouts.Await };

    public async Task InitializeAsync() => standIn = await StandInHost.StartAsync(TestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);

    public async Task DisposeAsync()
    {
        http.Dispose();
        await standIn.StopAsync().WaitAsync(Timeouts.Await);
        await standIn.DisposeAsync();
    }

    [Fact]
    public async Task TheAgentsBrowserPhoneRingsFirstAndItsTwimlDialsTheCustomerFromOurNumber()
    {
        var (services, sender) = Placer();
        await using var _ = services;

        var result = await sender.SendAsync(Call(agentId: 7), CancellationToken.None).WaitAsync(Timeouts.Await);

        var accepted = Assert.IsType<SendAccepted>(result);
        var placed = Assert.Single(standIn.Services.GetRequiredService<LiveCalls>().Snapshot());
        Assert.Equal((accepted.ProviderId, "client:agent-7", TestAccount.OurNumber), (placed.CallSid, placed.To, placed.From));
        Assert.Contains("<Dial callerId=\"" + TestAccount.OurNumber + "\">", placed.LatestTwiml);
        Assert.Contains("statusCallback=\"https://hooks.example.com/webhooks/twilio/voice/outbound-status\"", placed.LatestTwiml);
        Assert.Contains(">+15555550123</Number>", placed.LatestTwiml);
    }

    [Fact]
    public async Task ACallNoAgentAskedForIsNotPlaced()
    {
        var (services, sender) = Placer();
        await using var _ = services;

        var result = await sender.SendAsync(Call(agentId: null), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal("no-agent", Assert.IsType<SendRejected>(result).ErrorCode);
        Assert.Empty(standIn.Services.GetRequiredService<LiveCalls>().Snapshot());
    }

    [Theory]
    [InlineData("From=%2B15555550100&Twiml=%3CResponse%2F%3E", 21201)]
    [InlineData("To=%2B15555550123&Twiml=%3CResponse%2F%3E", 21213)]
    [InlineData("To=%2B15555550123&From=%2B15555550999&Twiml=%3CResponse%2F%3E", 21210)]
    [InlineData("To=whatsapp%3A%2B15555550123&From=%2B15555550100&Twiml=%3CResponse%2F%3E", 21211)]
    [InlineData("To=%2B15555550123&From=%2B15555550100", 21205)]
    public async Task TheStandInRefusesACallTwilioWouldRefuse(string form, int code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{standIn.BaseUrl()}/2010-04-01/Accounts/{TestAccount.AccountSid}/Calls.json")
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestAccount.AccountSid}:{TestAccount.AuthToken}")));

        using var response = await http.SendAsync(request).WaitAsync(Timeouts.Await);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
    }

    private (ServiceProvider Services, IChannelSender Sender) Placer()
    {
        var (services, _) = SenderFactory.Create(standIn.BaseUrl(), "https://hooks.example.com");
        return (services, services.GetServices<IChannelSender>().Single(s => s.Channel == ChannelKind.Voice));
    }

    private static OutboundMessage Call(long? agentId) =>
        new(InteractionId: 43, ConversationId: 7, ChannelKind.Voice, "+15555550123", "", []) { AuthorAgentId = agentId };
}
