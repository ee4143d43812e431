using System.Net;

namespace ContactHub.Server.Tests;

/// <summary>A hub that only does e-mail (no Twilio account configured) starts and simply has no SMS or voice URLs.</summary>
public sealed class HubWithoutTwilioTests : IDisposable
{
    private readonly HubFactory _hub = new(extraSettings: new Dictionary<string, string> { ["Twilio:AccountSid"] = "", ["Twilio:AuthToken"] = "" });

    [Fact]
    public async Task ItStartsReadyWithoutTwilioWebhooksOrRecordings()
    {
        var ready = await _hub.CreateClient().GetAsync("/health/ready").WaitAsync(TestServers.Timeout);
        var sms = await _hub.CreateClient().PostAsync("/webhooks/twilio/sms", new FormUrlEncodedContent([new("Body", "hi")])).WaitAsync(TestServers.Timeout);
        var recording = await _hub.CreateApiClient(HubFactory.SupervisorToken).GetAsync("/api/calls/recordings/RE" + new string('0', 32)).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        // Nothing takes the POST (the console's page routes answer GETs only, hence 405 rather than 404).
        Assert.Contains(sms.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Equal(HttpStatusCode.NotFound, recording.StatusCode);
    }

    public void Dispose() => _hub.Dispose();
}
