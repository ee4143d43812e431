using System.Net;

namespace ContactHub.Server.Tests;

/// <summary>The WhatsApp webhook exists exactly when the channel is configured, and answers Meta's handshake through the whole hub.</summary>
public sealed class WhatsAppWebhookRegistrationTests(WhatsAppHubFixture whatsApp, HubFactoryFixture plain) : IClassFixture<WhatsAppHubFixture>, IClassFixture<HubFactoryFixture>
{
    [Fact]
    public async Task AConfiguredHubAnswersMetasHandshakeWithTheChallenge()
    {
        using var response = await whatsApp.Factory.CreateClient().GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=987654&hub.verify_token=test-verify-token").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("987654", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AHubWithoutAWhatsAppTokenHasNoWhatsAppWebhook()
    {
        using var response = await plain.Factory.CreateClient().GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=x").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
