using System.Net;
using ContactHub.Channels.Tests.Fixtures;
using ContactHub.Channels.Tests.Support;
using ContactHub.Channels.Twilio;
using ContactHub.Core.Events;

namespace ContactHub.Channels.Tests.Twilio;

public sealed class TwilioStatusWebhookTests : IAsyncLifetime
{
    private const string Sid = "SMd75813285783c9e6e045dc82041d4c5d";
    private static readonly List<KeyValuePair<string, string>> Delivered = Fixture.Params(Fixture.Load("twilio/sms_status_delivered.json"));
    private static readonly List<KeyValuePair<string, string>> Sent = Fixture.Params(Fixture.Load("twilio/sms_status_sent.json"));
    private WebhookHost host = null!;

    public async Task InitializeAsync() => host = await WebhookHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ADeliveredCallbackForOurMessageAppliesAndPublishesTheStatusChange()
    {
        var interactionId = await host.SeedAcceptedOutboundAsync(Sid).WaitAsync(Timeouts.Await);

        using var response = await SignedForm.PostAsync(host, TwilioStatusWebhook.Path, SignedForm.With(Delivered, "MessageSid", Sid));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var changed = Assert.IsType<InteractionStatusChanged>(Assert.Single(host.Events.Published));
        Assert.Equal(interactionId, changed.InteractionId);
        Assert.Equal("delivered", changed.Status);
    }

    [Fact]
    public async Task ALateSentAfterDeliveredIsAcknowledgedButDoesNotMoveTheMessageBack()
    {
        await host.SeedAcceptedOutboundAsync(Sid).WaitAsync(Timeouts.Await);

        using var delivered = await SignedForm.PostAsync(host, TwilioStatusWebhook.Path, SignedForm.With(Delivered, "MessageSid", Sid));
        using var lateSent = await SignedForm.PostAsync(host, TwilioStatusWebhook.Path, SignedForm.With(Sent, "MessageSid", Sid));

        Assert.Equal(HttpStatusCode.NoContent, lateSent.StatusCode);
        Assert.Equal("delivered", Assert.IsType<InteractionStatusChanged>(Assert.Single(host.Events.Published)).Status);
    }

    [Fact]
    public async Task AnUndeliveredCallbackKeepsTheCarrierErrorCode()
    {
        await host.SeedAcceptedOutboundAsync(Sid).WaitAsync(Timeouts.Await);
        var undelivered = Fixture.Params(Fixture.Load("twilio/sms_status_undelivered.json"));

        using var response = await SignedForm.PostAsync(host, TwilioStatusWebhook.Path + "?ticket=1042", undelivered);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("undelivered", Assert.IsType<InteractionStatusChanged>(Assert.Single(host.Events.Published)).Status);
    }

    [Fact]
    public async Task ACallbackForAMessageWeNeverSentIsAcknowledgedWithoutAnEvent()
    {
        using var response = await SignedForm.PostAsync(host, TwilioStatusWebhook.Path, Delivered);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(host.Events.Published);
    }

    [Fact]
    public async Task AnUnknownStatusValueIsRefusedWith400()
    {
        using var response = await SignedForm.PostAsync(host, TwilioStatusWebhook.Path, SignedForm.With(Delivered, "MessageStatus", "teleported"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("teleported", await response.Content.ReadAsStringAsync().WaitAsync(Timeouts.Await));
    }

    [Theory]
    [InlineData("MessageSid")]
    [InlineData("MessageStatus")]
    public async Task ACallbackWithoutItsRequiredFieldIsRefusedWith400(string missing)
    {
        using var response = await SignedForm.PostAsync(host, TwilioStatusWebhook.Path, SignedForm.With(Delivered, missing, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AForgedStatusCallbackIsRefusedWith403AndNotApplied()
    {
        await host.SeedAcceptedOutboundAsync(Sid).WaitAsync(Timeouts.Await);
        var form = SignedForm.With(Delivered, "MessageSid", Sid);
        var forged = TwilioSignature.Sign("not-our-token", host.PublicBaseUrl + TwilioStatusWebhook.Path, form);

        using var response = await SignedForm.PostAsync(host, TwilioStatusWebhook.Path, form, signature: forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Events.Published);
    }
}
