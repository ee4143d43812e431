using System.Net.Http.Json;
using System.Text.Json;
using ContactHub.StandIns;
using ContactHub.StandIns.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.EndToEnd.Tests;

/// <summary>The Twilio stand-in hosted in the test process, and what it has been asked to send.</summary>
public sealed class TwilioStandInServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly WebApplication _app;
    private readonly HttpClient _client = new();

    private TwilioStandInServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.BaseUrl();

    /// <summary>The calls the stand-in carries, including the ones the hub placed.</summary>
    public ContactHub.StandIns.Twilio.Calls.LiveCalls LiveCalls => _app.Services.GetRequiredService<ContactHub.StandIns.Twilio.Calls.LiveCalls>();

    /// <summary>Plays Twilio's side of phone calls against the hub.</summary>
    public ContactHub.StandIns.Twilio.Calls.CallNetwork Calls => _app.Services.GetRequiredService<ContactHub.StandIns.Twilio.Calls.CallNetwork>();

    public static async Task<TwilioStandInServer> StartAsync(string accountSid, string authToken, string phoneNumber)
    {
        var settings = new StandInSettings
        {
            Twilio = new TwilioStandInOptions { AccountSid = accountSid, AuthToken = authToken, PhoneNumbers = [phoneNumber] },
        };
        return new TwilioStandInServer(await StandInHost.StartAsync(settings, CancellationToken.None));
    }

    public sealed record SentMessage(string Sid, string? From, string To, string? Body, string Status);

    public async Task<SentMessage> WaitForMessageAsync(Func<SentMessage, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var messages = await MessagesAsync();
            if (messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The Twilio stand-in did not receive the expected message.");
    }

    public async Task<IReadOnlyList<SentMessage>> MessagesAsync() =>
        await _client.GetFromJsonAsync<List<SentMessage>>(BaseUrl + "/_standin/messages", SnakeCase) ?? [];

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
