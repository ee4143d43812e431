using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ContactHub.Channels.Tests.Support;
using ContactHub.StandIns;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.Twilio;

/// <summary>The stand-in refuses what real Twilio refuses, with Twilio's status codes and error bodies.</summary>
public sealed class TwilioStandInContractTests : IAsyncLifetime
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

    [Theory]
    [InlineData("To=%2B15555550123&Body=hi", 21603)]
    [InlineData("From=%2B15555550100&Body=hi", 21604)]
    [InlineData("To=%2B15555550123&From=%2B15555550100", 21602)]
    [InlineData("To=%2B15555550123&From=%2B15555550999&Body=hi", 21606)]
    [InlineData("To=whatsapp%3A%2B15555550123&From=%2B15555550100&Body=hi", 21211)]
    [InlineData("To=%2B15555550123&MessagingServiceSid=MG00000000000000000000000000000000&Body=hi", 21701)]
    [InlineData("To=%2B15555550123&From=%2B15555550100&Body=hi&StatusCallback=not-a-url", 21609)]
    [InlineData("To=%2B15555550123&From=%2B15555550100&MediaUrl=%2Fapi%2Ffiles%2F7", 21620)]
    public async Task AnInvalidCreateRequestIsRefusedWithTwiliosErrorCode(string form, int expectedCode)
    {
        using var response = await PostAsync(form, TestAccount.AccountSid, TestAccount.AuthToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal(expectedCode, error.GetProperty("code").GetInt32());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal($"https://www.twilio.com/docs/errors/{expectedCode}", error.GetProperty("more_info").GetString());
    }

    [Fact]
    public async Task ABodyOverSixteenHundredCharactersIsRefusedWith21617()
    {
        using var response = await PostAsync($"To=%2B15555550123&From=%2B15555550100&Body={new string('a', 1601)}", TestAccount.AccountSid, TestAccount.AuthToken);

        Assert.Equal(21617, (await ErrorAsync(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task AnotherAccountsSidInThePathIsRefusedWith401EvenWithValidCredentials()
    {
        using var response = await PostAsync("To=%2B15555550123&From=%2B15555550100&Body=hi", TestAccount.AccountSid, TestAccount.AuthToken, pathSid: "AC00000000000000000000000000000000");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(20003, (await ErrorAsync(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task AnAcceptedMessageLooksLikeTwiliosAndIsListedForInspection()
    {
        using var response = await PostAsync("To=%2B15555550123&From=%2B15555550100&Body=Hello+%F0%9F%91%8B", TestAccount.AccountSid, TestAccount.AuthToken);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeouts.Await)).RootElement;
        var listed = JsonDocument.Parse(await http.GetStringAsync(standIn.BaseUrl() + "/_standin/messages").WaitAsync(Timeouts.Await)).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("queued", created.GetProperty("status").GetString());
        Assert.Equal("1", created.GetProperty("num_segments").GetString());
        Assert.Equal("outbound-api", created.GetProperty("direction").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("error_code").ValueKind);
        Assert.True(DateTimeOffset.TryParse(created.GetProperty("date_created").GetString(), out _));
        Assert.EndsWith(" +0000", created.GetProperty("date_created").GetString());
        var message = Assert.Single(listed.EnumerateArray());
        Assert.Equal(created.GetProperty("sid").GetString(), message.GetProperty("sid").GetString());
        Assert.Equal("Hello 👋", message.GetProperty("body").GetString());
    }

    [Fact]
    public async Task AHandsetThatTextedStopCannotBeMessagedUntilItTextsStart()
    {
        var carrier = standIn.Services.GetRequiredService<ContactHub.StandIns.Twilio.CarrierOptOuts>();
        carrier.Observe("+15555550123", "+15555550100", "Stop");

        using var blocked = await PostAsync("To=%2B15555550123&From=%2B15555550100&Body=hi", TestAccount.AccountSid, TestAccount.AuthToken);
        using var otherCustomer = await PostAsync("To=%2B15555550124&From=%2B15555550100&Body=hi", TestAccount.AccountSid, TestAccount.AuthToken);
        carrier.Observe("+15555550123", "+15555550100", "START");
        using var resumed = await PostAsync("To=%2B15555550123&From=%2B15555550100&Body=hi", TestAccount.AccountSid, TestAccount.AuthToken);

        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        Assert.Equal(21610, (await ErrorAsync(blocked)).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Created, otherCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, resumed.StatusCode);
    }

    [Fact]
    public async Task TheSenderReports21610AsARefusalBecauseTheCustomerOptedOut()
    {
        standIn.Services.GetRequiredService<ContactHub.StandIns.Twilio.CarrierOptOuts>().Observe("+15555550125", "+15555550100", "UNSUBSCRIBE");
        var (services, sender) = SenderFactory.Create(standIn.BaseUrl(), "https://hooks.example.com");
        await using var _ = services;

        var result = await sender.SendAsync(SenderFactory.Message("+15555550125"), CancellationToken.None).WaitAsync(Timeouts.Await);

        var rejected = Assert.IsType<ContactHub.Core.Outbound.SendRejected>(result);
        Assert.Equal("21610", rejected.ErrorCode);
        Assert.True(rejected.RecipientOptedOut);
    }

    private async Task<HttpResponseMessage> PostAsync(string form, string user, string password, string? pathSid = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{standIn.BaseUrl()}/2010-04-01/Accounts/{pathSid ?? user}/Messages.json")
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await http.SendAsync(request).WaitAsync(Timeouts.Await);
    }

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeouts.Await)).RootElement;
}
