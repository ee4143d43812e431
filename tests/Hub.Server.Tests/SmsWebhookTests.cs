using System.Net;
using System.Net.Http.Json;
using System.Text;
using ContactHub.Server.Api;

namespace ContactHub.Server.Tests;

public sealed class SmsWebhookTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    private const string Path = "/webhooks/twilio/sms";

    [Theory]
    [InlineData("sms_inbound_plain")]
    [InlineData("sms_inbound_unicode")]
    public async Task ASignedInboundSmsIsStoredBeforeTheTwimlAnswer(string fixture)
    {
        var from = Sids.Phone();
        var request = TwilioFixture.Load(fixture).With("MessageSid", Sids.Message()).With("From", from);
        var client = hub.Factory.CreateClient();

        var response = await client.SendAsync(request.SignedRequest(Path)).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response", await response.Content.ReadAsStringAsync());
        var timeline = await TimelineOfAsync(from);
        Assert.Equal(request.Parameters["Body"], Assert.Single(timeline).Text);
        Assert.Equal("in", timeline[0].Direction);
        Assert.Equal("sms", timeline[0].Channel);
    }

    [Fact]
    public async Task MmsMediaBecomeAttachments()
    {
        var from = Sids.Phone();
        var request = TwilioFixture.Load("sms_inbound_mms").With("MessageSid", "MM" + Guid.NewGuid().ToString("N")).With("From", from);

        var response = await hub.Factory.CreateClient().SendAsync(request.SignedRequest(Path)).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var interaction = Assert.Single(await TimelineOfAsync(from));
        Assert.Equal(["image/jpeg", "image/png"], interaction.Attachments.Select(a => a.ContentType));
        Assert.Equal(request.Parameters["MediaUrl0"], interaction.Attachments[0].Url);
    }

    [Fact]
    public async Task ARetriedMessageSidIsAnsweredAgainButStoredOnce()
    {
        var from = Sids.Phone();
        var request = TwilioFixture.Load("sms_inbound_plain").With("MessageSid", Sids.Message()).With("From", from);
        var client = hub.Factory.CreateClient();

        var first = await client.SendAsync(request.SignedRequest(Path)).WaitAsync(TestServers.Timeout);
        var retry = await client.SendAsync(request.SignedRequest(Path)).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(await TimelineOfAsync(from));
    }

    [Fact]
    public async Task AForgedSignatureIsRefusedAndNothingIsStored()
    {
        var from = Sids.Phone();
        var request = TwilioFixture.Load("sms_inbound_plain").With("MessageSid", Sids.Message()).With("From", from);

        var forged = await hub.Factory.CreateClient().SendAsync(request.SignedRequest(Path, authToken: "not-the-real-token")).WaitAsync(TestServers.Timeout);
        var missing = await hub.Factory.CreateClient().SendAsync(request.SignedRequest(Path, signatureOverride: "")).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Empty(await SearchAsync(from));
    }

    [Fact]
    public async Task ASignatureOverAnotherUrlIsRefused()
    {
        var request = TwilioFixture.Load("sms_inbound_plain").With("MessageSid", Sids.Message());
        var signedForOtherPath = ContactHub.Channels.Twilio.TwilioSignature.Sign(HubFactory.AuthToken, HubFactory.PublicBaseUrl + "/elsewhere", request.Parameters);

        var response = await hub.Factory.CreateClient().SendAsync(request.SignedRequest(Path, signedForOtherPath)).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ASignedRequestWithoutAMessageSidIsABadRequestWithAReason()
    {
        var parameters = TwilioFixture.Load("sms_inbound_plain").Parameters;
        parameters.Remove("MessageSid");
        parameters.Remove("SmsMessageSid");
        parameters.Remove("SmsSid");
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new FormUrlEncodedContent(parameters) };
        request.Headers.Add("X-Twilio-Signature", ContactHub.Channels.Twilio.TwilioSignature.Sign(HubFactory.AuthToken, HubFactory.PublicBaseUrl + Path, parameters));

        var response = await hub.Factory.CreateClient().SendAsync(request).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MessageSid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABodyOver64KilobytesIsRefusedWith413()
    {
        var content = new StringContent("Body=" + new string('a', 70_000), Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await hub.Factory.CreateClient().PostAsync(Path, content).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json", "{\"MessageSid\":\"SM1\"}")]
    [InlineData("application/x-www-form-urlencoded", "%%%&&&=%ZZ")]
    [InlineData("text/plain", "hello")]
    [InlineData("application/x-www-form-urlencoded", "")]
    public async Task MalformedBodiesGetA4xxAndNever5xx(string contentType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        foreach (var path in new[] { Path, Path + "/status" })
        {
            var response = await hub.Factory.CreateClient().PostAsync(path, content).WaitAsync(TestServers.Timeout);
            Assert.InRange((int)response.StatusCode, 400, 499);
        }
    }

    private async Task<List<InteractionDto>> TimelineOfAsync(string phone)
    {
        var contact = Assert.Single(await SearchAsync(phone));
        var api = hub.Factory.CreateApiClient();
        return (await api.GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{contact.Id}/timeline").WaitAsync(TestServers.Timeout))!;
    }

    private async Task<List<ContactSummary>> SearchAsync(string phone)
    {
        var api = hub.Factory.CreateApiClient();
        return (await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(phone)}").WaitAsync(TestServers.Timeout))!;
    }
}

/// <summary>One hub per test class: starting it costs more than the tests themselves.</summary>
public sealed class HubFactoryFixture : IDisposable
{
    public HubFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
