using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactHub.Channels.Tests.Support;
using ContactHub.StandIns;
using ContactHub.StandIns.Twilio.Calls;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.Twilio;

/// <summary>The stand-in's Calls resource refuses call updates the way Twilio does.</summary>
public sealed class TwilioCallsStandInContractTests : IAsyncLifetime
{
    private const string AbsoluteDial = "<Response><Dial action=\"https://hub.example.com/dial\"><Client>agent-1</Client></Dial></Response>";
    private Microsoft.AspNetCore.Builder.WebApplication standIn = null!;
    private readonly HttpClient http = new() { Timeout = Timeouts.Await };

    public async Task InitializeAsync() => standIn = await StandInHost.StartAsync(TestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);

    public async Task DisposeAsync()
    {
        http.Dispose();
        await standIn.StopAsync().WaitAsync(Timeouts.Await);
        await standIn.DisposeAsync();
    }

    private LiveCalls Calls => standIn.Services.GetRequiredService<LiveCalls>();

    [Fact]
    public async Task ALiveCallTakesNewTwimlAndKeepsIt()
    {
        var call = Calls.Start("CA" + new string('1', 32), "+15555550123", TestAccount.OurNumber);

        using var response = await UpdateAsync(call.CallSid, AbsoluteDial);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AbsoluteDial, call.LatestTwiml);
    }

    [Fact]
    public async Task AnUnknownCallIs404With20404() =>
        await AssertRefusedAsync(await UpdateAsync("CA" + new string('9', 32), AbsoluteDial), HttpStatusCode.NotFound, 20404);

    [Fact]
    public async Task ACompletedCallCannotBeRedirected()
    {
        var call = Calls.Start("CA" + new string('2', 32), "+15555550123", TestAccount.OurNumber);
        Calls.Complete(call.CallSid);

        await AssertRefusedAsync(await UpdateAsync(call.CallSid, AbsoluteDial), HttpStatusCode.BadRequest, 21220);
    }

    [Fact]
    public async Task TwimlOver4000CharactersIsRefused()
    {
        var call = Calls.Start("CA" + new string('3', 32), "+15555550123", TestAccount.OurNumber);

        await AssertRefusedAsync(await UpdateAsync(call.CallSid, "<Response><Say>" + new string('a', 4000) + "</Say></Response>"), HttpStatusCode.BadRequest, 32018);
    }

    [Fact]
    public async Task ARelativeActionUrlInUpdatedTwimlIsRefused()
    {
        var call = Calls.Start("CA" + new string('4', 32), "+15555550123", TestAccount.OurNumber);

        await AssertRefusedAsync(await UpdateAsync(call.CallSid, "<Response><Dial action=\"/dial\"><Client>agent-1</Client></Dial></Response>"), HttpStatusCode.BadRequest, 15004);
        Assert.Null(call.LatestTwiml);
    }

    [Fact]
    public async Task WrongCredentialsAre401With20003()
    {
        var call = Calls.Start("CA" + new string('5', 32), "+15555550123", TestAccount.OurNumber);

        await AssertRefusedAsync(await UpdateAsync(call.CallSid, AbsoluteDial, password: "wrong"), HttpStatusCode.Unauthorized, 20003);
    }

    [Fact]
    public async Task ARecordingIsServedAsMp3OnlyWithTheAccountsCredentials()
    {
        standIn.Services.GetRequiredService<ContactHub.StandIns.Twilio.Calls.Recordings>().Add("RE" + new string('6', 32), 3);
        var url = $"{standIn.BaseUrl()}/2010-04-01/Accounts/{TestAccount.AccountSid}/Recordings/RE{new string('6', 32)}.mp3";

        using var anonymous = await http.GetAsync(url).WaitAsync(Timeouts.Await);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestAccount.AccountSid}:{TestAccount.AuthToken}")));
        using var authorised = await http.SendAsync(request).WaitAsync(Timeouts.Await);
        var audio = await authorised.Content.ReadAsByteArrayAsync();

        await AssertRefusedAsync(anonymous, HttpStatusCode.Unauthorized, 20003);
        Assert.Equal("audio/mpeg", authorised.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xFB], audio[..2]);
    }

    private async Task<HttpResponseMessage> UpdateAsync(string callSid, string twiml, string password = TestAccount.AuthToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{standIn.BaseUrl()}/2010-04-01/Accounts/{TestAccount.AccountSid}/Calls/{callSid}.json")
        {
            Content = new FormUrlEncodedContent([new("Twiml", twiml)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestAccount.AccountSid}:{password}")));
        return await http.SendAsync(request).WaitAsync(Timeouts.Await);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeouts.Await)).RootElement;
            Assert.Equal(code, error.GetProperty("code").GetInt32());
        }
    }
}
