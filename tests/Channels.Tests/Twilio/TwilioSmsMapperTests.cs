using ContactHub.Channels.Tests.Fixtures;
using ContactHub.Channels.Twilio;
using ContactHub.Core.Domain;

namespace ContactHub.Channels.Tests.Twilio;

public sealed class TwilioSmsMapperTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 10, 14, 28, 40, TimeSpan.Zero);

    [Fact]
    public void APlainInboundSmsMapsToOneCanonicalInteraction()
    {
        var result = TwilioSmsMapper.Map(Fixture.Fields(Fixture.Load("twilio/sms_inbound_plain.json")), ReceivedAt);

        Assert.True(result.Succeeded, result.Error);
        var interaction = result.Interaction;
        Assert.Equal(ChannelKind.Sms, interaction.Channel);
        Assert.Equal("+15555550123", interaction.SenderAddress);
        Assert.Equal("+15555550100", interaction.RecipientAddress);
        Assert.Equal("SMeb2c3bc77b258a9735bffde80adac4ba", interaction.ExternalId);
        Assert.Equal("Hi, my order #A-4521 still hasn't shipped. Can someone check? Thanks", interaction.Text);
        Assert.Empty(interaction.Attachments);
        Assert.Equal(ReceivedAt, interaction.SentAt);
    }

    [Fact]
    public void AUnicodeSmsKeepsEmojiAndAccentsAndAnInternationalSender()
    {
        var result = TwilioSmsMapper.Map(Fixture.Fields(Fixture.Load("twilio/sms_inbound_unicode.json")), ReceivedAt);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("+447700900123", result.Interaction.SenderAddress);
        Assert.Contains("👋", result.Interaction.Text);
        Assert.EndsWith("— Zoë", result.Interaction.Text);
    }

    [Fact]
    public void AnMmsWithTwoMediaItemsGivesTwoAttachmentsInOrder()
    {
        var result = TwilioSmsMapper.Map(Fixture.Fields(Fixture.Load("twilio/sms_inbound_mms.json")), ReceivedAt);

        Assert.True(result.Succeeded, result.Error);
        Assert.Collection(
            result.Interaction.Attachments,
            first =>
            {
                Assert.EndsWith("/Media/MEaabe258916358284f789d81648de5338", first.Url);
                Assert.Equal("image/jpeg", first.ContentType);
            },
            second =>
            {
                Assert.EndsWith("/Media/ME26116187db48228bd6ded9753ff3df1b", second.Url);
                Assert.Equal("image/png", second.ContentType);
            });
        Assert.Equal("Here are photos of the damaged box & the label", result.Interaction.Text);
    }

    [Fact]
    public void ANationalNumberIsNormalisedToE164()
    {
        var result = TwilioSmsMapper.Map(Form(("From", "(555) 555-0123")), ReceivedAt);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("+15555550123", result.Interaction.SenderAddress);
    }

    [Fact]
    public void AMediaOnlyMessageHasNoText()
    {
        var result = TwilioSmsMapper.Map(Form(("Body", ""), ("NumMedia", "1"), ("MediaUrl0", "https://api.twilio.com/media/ME1"), ("MediaContentType0", "image/gif")), ReceivedAt);

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Interaction.Text);
        Assert.Single(result.Interaction.Attachments);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    public void AMediaUrlThatIsNotHttpIsRejected(string url)
    {
        var result = TwilioSmsMapper.Map(Form(("Body", ""), ("NumMedia", "1"), ("MediaUrl0", url), ("MediaContentType0", "image/gif")), ReceivedAt);

        Assert.False(result.Succeeded);
        Assert.Contains("MediaUrl0", result.Error);
    }

    [Theory]
    [InlineData("MessageSid", null, "MessageSid is required.")]
    [InlineData("MessageSid", "  ", "MessageSid is required.")]
    [InlineData("From", null, "From is required.")]
    [InlineData("From", "whatsapp:+15555550123", "is not a phone number")]
    [InlineData("From", "+0123", "is not a phone number")]
    [InlineData("NumMedia", "two", "NumMedia 'two' is not a number.")]
    [InlineData("NumMedia", "-1", "is not a number")]
    [InlineData("NumMedia", "11", "at most 10")]
    [InlineData("NumMedia", "1", "MediaUrl0 is missing")]
    [InlineData("MessageSid", "SMeb2c3bc77b258a9735bffde80adac4ba0", "at most 34")]
    public void AMalformedFieldIsRejectedWithAReasonNamingIt(string field, string? value, string expectedReason)
    {
        var fields = Form();
        if (value is null)
        {
            fields.Remove(field);
        }
        else
        {
            fields[field] = value;
        }

        var result = TwilioSmsMapper.Map(fields, ReceivedAt);

        Assert.False(result.Succeeded);
        Assert.Contains(expectedReason, result.Error);
    }

    [Fact]
    public void ABodyOverSixteenHundredCharactersIsRejected()
    {
        var result = TwilioSmsMapper.Map(Form(("Body", new string('x', 1601))), ReceivedAt);

        Assert.False(result.Succeeded);
        Assert.Contains("1601", result.Error);
    }

    [Fact]
    public void ABodyOfExactlySixteenHundredCharactersIsAccepted()
    {
        var result = TwilioSmsMapper.Map(Form(("Body", new string('x', 1600))), ReceivedAt);

        Assert.True(result.Succeeded, result.Error);
    }

    private static Dictionary<string, string> Form(params (string Name, string Value)[] overrides)
    {
        var fields = Fixture.Fields(Fixture.Load("twilio/sms_inbound_plain.json"));
        foreach (var (name, value) in overrides)
        {
            fields[name] = value;
        }
        return fields;
    }
}
