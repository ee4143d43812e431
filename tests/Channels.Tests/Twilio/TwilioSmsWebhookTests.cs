using System.Net;
using System.Text;
using ContactHub.Channels.Tests.Fixtures;
using ContactHub.Channels.Tests.Support;
using ContactHub.Channels.Twilio;
using ContactHub.Core.Domain;

namespace ContactHub.Channels.Tests.Twilio;

public sealed class TwilioSmsWebhookTests : IAsyncLifetime
{
    private const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response/>""";
    private static readonly List<KeyValuePair<string, string>> PlainSms = Fixture.Params(Fixture.Load("twilio/sms_inbound_plain.json"));
    private WebhookHost host = null!;

    public async Task InitializeAsync() => host = await WebhookHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ASignedInboundSmsIsAppendedAndAnsweredWithEmptyTwiml()
    {
        using var response = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, PlainSms);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(EmptyTwiml, await response.Content.ReadAsStringAsync().WaitAsync(Timeouts.Await));
        var appended = Assert.Single(host.Stream.Appended.Values);
        Assert.Equal("SMeb2c3bc77b258a9735bffde80adac4ba", appended.ExternalId);
        Assert.Equal("+15555550123", appended.SenderAddress);
    }

    [Fact]
    public async Task ARetriedMessageSidIsAnsweredOkAgainAndStoredOnce()
    {
        using var first = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, PlainSms);
        using var retry = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, PlainSms);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(host.Stream.Appended);
    }

    [Fact]
    public async Task AForgedSignatureIsRefusedWith403AndNothingIsStored()
    {
        var forged = TwilioSignature.Sign("not-our-token", host.PublicBaseUrl + TwilioSmsWebhook.Path, PlainSms);

        using var response = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, PlainSms, signature: forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Stream.Appended);
    }

    [Fact]
    public async Task AMissingSignatureIsRefusedWith403()
    {
        using var response = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, PlainSms, sign: false);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Stream.Appended);
    }

    [Fact]
    public async Task ASignatureOverTheHostHeaderUrlInsteadOfThePublicUrlIsRefused()
    {
        var overLocalUrl = TwilioSignature.Sign(TestAccount.AuthToken, host.BaseUrl + TwilioSmsWebhook.Path, PlainSms);

        using var response = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, PlainSms, signature: overLocalUrl);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheQueryStringIsPartOfTheSignedUrl()
    {
        using var signedWithQuery = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path + "?ticket=1042", PlainSms);
        var signedWithoutQuery = TwilioSignature.Sign(TestAccount.AuthToken, host.PublicBaseUrl + TwilioSmsWebhook.Path, PlainSms);
        using var queryNotSigned = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path + "?ticket=1042", PlainSms, signature: signedWithoutQuery);

        Assert.Equal(HttpStatusCode.OK, signedWithQuery.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, queryNotSigned.StatusCode);
    }

    [Fact]
    public async Task AnMmsFixtureIsStoredWithBothAttachments()
    {
        var mms = Fixture.Params(Fixture.Load("twilio/sms_inbound_mms.json"));

        using var response = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, mms);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Assert.Single(host.Stream.Appended.Values).Attachments.Count);
    }

    [Fact]
    public async Task ASignedPayloadThatCannotBeMappedIsRefusedWith400AndTheReason()
    {
        var withoutFrom = SignedForm.With(PlainSms, "From", null);

        using var response = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, withoutFrom);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("From is required.", await response.Content.ReadAsStringAsync().WaitAsync(Timeouts.Await));
        Assert.Empty(host.Stream.Appended);
    }

    [Fact]
    public async Task ABodyDeclaredOver64KbIsRefusedWith413()
    {
        var huge = SignedForm.With(PlainSms, "Padding", new string('x', TwilioFormReader.MaxBodyBytes));

        using var response = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AChunkedBodyOver64KbIsRefusedWith413WhileReading()
    {
        var body = Encoding.UTF8.GetBytes("Body=" + new string('x', TwilioFormReader.MaxBodyBytes + 10));
        // A stream of unknown length goes out chunked, with no Content-Length to check up front.
        var content = new StreamContent(new UnseekableStream(body));
        Assert.Null(content.Headers.ContentLength);

        using var response = await SignedForm.PostRawAsync(host, TwilioSmsWebhook.Path, content, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json", "{\"MessageSid\":\"SM1\"}")]
    [InlineData("text/plain", "MessageSid=SM1")]
    public async Task ANonFormBodyIsRefusedWith400(string contentType, string body)
    {
        using var response = await SignedForm.PostRawAsync(host, TwilioSmsWebhook.Path, new StringContent(body), contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("application/x-www-form-urlencoded", await response.Content.ReadAsStringAsync().WaitAsync(Timeouts.Await));
    }

    [Fact]
    public async Task AFormBodyThatIsNotUtf8IsRefusedWith400()
    {
        var content = new ByteArrayContent([(byte)'B', (byte)'o', (byte)'d', (byte)'y', (byte)'=', 0xC3, 0x28]);

        using var response = await SignedForm.PostRawAsync(host, TwilioSmsWebhook.Path, content, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnInboundSmsIsMappedToTheSmsChannel()
    {
        using var response = await SignedForm.PostAsync(host, TwilioSmsWebhook.Path, PlainSms);

        Assert.Equal(ChannelKind.Sms, Assert.Single(host.Stream.Appended.Values).Channel);
    }

    /// <summary>Hides its length so HttpClient has to send it chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
