using ContactHub.Channels.Tests.Support;
using ContactHub.StandIns;

namespace ContactHub.Channels.Tests.Twilio;

public sealed class CustomerSimulatorTests
{
    [Fact]
    public async Task SimulatedCustomersReachTheHubWithSignaturesItAccepts()
    {
        await using var hub = await WebhookHost.StartAsync(publicBaseUrl: "https://hooks.example.com");
        var settings = TestAccount.StandIn();
        settings.Simulator.Enabled = true;
        settings.Simulator.HubBaseUrl = hub.BaseUrl;
        settings.Simulator.HubPublicBaseUrl = "https://hooks.example.com";
        settings.Simulator.IntervalSeconds = 0.1;
        await using var standIn = await StandInHost.StartAsync(settings, CancellationToken.None).WaitAsync(Timeouts.Await);

        var deadline = DateTime.UtcNow + Timeouts.Await;
        while (hub.Stream.Appended.Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(hub.Stream.Appended.Count >= 3, $"Only {hub.Stream.Appended.Count} simulated messages were accepted.");
        Assert.All(hub.Stream.Appended.Values, m => Assert.StartsWith("+155555501", m.SenderAddress));
        await standIn.StopAsync().WaitAsync(Timeouts.Await);
    }
}
