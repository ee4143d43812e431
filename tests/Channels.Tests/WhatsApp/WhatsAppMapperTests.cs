using System.Text.Json;
using System.Text.Json.Nodes;
using ContactHub.Channels.Tests.Fixtures;
using ContactHub.Channels.Tests.Support;
using ContactHub.Channels.WhatsApp;
using ContactHub.Core.Domain;

namespace ContactHub.Channels.Tests.WhatsApp;

/// <summary>Each Cloud API message type becomes a readable interaction on the customer's phone identity; bad payloads become a reason.</summary>
public sealed class WhatsAppMapperTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 10, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void TheTextFixtureBecomesAnInteractionFromThePlusPrefixedNumberWithTheProfileName()
    {
        var raw = Fixture.Load("whatsapp/notification_text_message.json").GetProperty("request").GetProperty("raw_body").GetString()!;

        var inbound = Assert.Single(Map(raw).Messages).Interaction;

        Assert.Equal(ChannelKind.WhatsApp, inbound.Channel);
        Assert.Equal("+15555550123", inbound.SenderAddress);
        Assert.Equal("Zoë Martín", inbound.SenderDisplayName);
        Assert.Equal("wamid.HBgLMTU1NTU1NTAxMjMVAgASGBQzQUZBS0UwMDAwMDAwMDAwMDAwMQA=", inbound.ExternalId);
        Assert.Equal("Hola, ¿dónde está mi pedido A-4521? 🙏", inbound.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773152585), inbound.SentAt);
        Assert.Equal("+15555550100", inbound.RecipientAddress);
    }

    [Theory]
    [InlineData("image", "image", "The box arrived crushed")]
    [InlineData("document", "document", "My invoice")]
    [InlineData("audio", "audio", "Voice message")]
    public void AMediaMessageKeepsItsCaptionAndNamesTheMediaToFetch(string type, string kind, string text)
    {
        var mapped = Assert.Single(Map(Notification(type)).Messages);

        Assert.Equal(text, mapped.Interaction.Text);
        Assert.Equal(kind, mapped.MediaKind);
        Assert.StartsWith("100338342138725", mapped.Media!.Id);
    }

    [Fact]
    public void ALocationReadsAsThePlaceWithAMapLink()
    {
        var text = Assert.Single(Map(Notification("location")).Messages).Interaction.Text;

        Assert.Equal("Shared a location: Puerta del Sol, Plaza de la Puerta del Sol, Madrid (40.4168, -3.7038) https://www.openstreetmap.org/?mlat=40.4168&mlon=-3.7038#map=17/40.4168/-3.7038", text);
    }

    [Theory]
    [InlineData("button_reply", "Chose \"Reschedule delivery\"")]
    [InlineData("list_reply", "Chose \"Morning\" (8:00 to 12:00)")]
    [InlineData("button", "Tapped \"Stop promotions\"")]
    public void AnInteractiveOrQuickReplyAnswerReadsAsTheChoiceTitle(string fixture, string expected)
    {
        Assert.Equal(expected, Assert.Single(Map(Notification(fixture)).Messages).Interaction.Text);
    }

    [Fact]
    public void AQuickReplyToOurTemplateNamesTheMessageItAnswers()
    {
        var inbound = Assert.Single(Map(Notification("button")).Messages).Interaction;

        Assert.Equal(["wamid.HBgLMTU1NTU1NTAxMjMVAgARGBIzQUZBS0VPVVRCT1VORDAwMgA="], inbound.RepliesTo);
    }

    [Theory]
    [InlineData("unsupported")]
    [InlineData("sticker")]
    public void AnUnknownTypeIsKeptWithAReadableNoteInsteadOfLost(string fixture)
    {
        var inbound = Assert.Single(Map(Notification(fixture)).Messages).Interaction;

        Assert.Equal($"[Unsupported WhatsApp message type \"{fixture}\": open WhatsApp on the business phone to see it.]", inbound.Text);
    }

    [Fact]
    public void EveryMessageAndStatusOfOneNotificationIsMapped()
    {
        var raw = WhatsAppTestAccount.Notification(
            [WhatsAppTestAccount.Text("wamid.one", "first"), WhatsAppTestAccount.Text("wamid.two", "second")],
            [WhatsAppTestAccount.Status("wamid.out1", "delivered"), WhatsAppTestAccount.Status("wamid.out2", "failed", 131047)]);

        var mapped = Map(raw);

        Assert.Equal(["first", "second"], mapped.Messages.Select(m => m.Interaction.Text));
        Assert.Equal(
            [("wamid.out1", "delivered", null, null), ("wamid.out2", "failed", "131047", "Re-engagement message: More than 24 hours have passed.")],
            mapped.Statuses.Select(s => (s.MessageId, s.Status, s.ErrorCode, s.ErrorReason)));
    }

    [Fact]
    public void TheFailedStatusFixtureKeepsTheCodeAndTheDetailsForTheAgent()
    {
        var raw = Fixture.Load("whatsapp/notification_status_failed.json").GetProperty("request").GetProperty("raw_body").GetString()!;

        var status = Assert.Single(Map(raw).Statuses);

        Assert.Equal(("failed", "131047"), (status.Status, status.ErrorCode));
        Assert.Equal("Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.", status.ErrorReason);
    }

    [Theory]
    [InlineData("""{"object":"page","entry":[]}""", "object must be \"whatsapp_business_account\".")]
    [InlineData("""{"object":"whatsapp_business_account"}""", "entry is missing or empty.")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"from":"15555550123","type":"text","text":{"body":"hi"}}]}}]}]}""", "Every message needs an id (wamid) of at most 256 characters.")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"id":"wamid.x","type":"text","text":{"body":"hi"}}]}}]}]}""", "Message wamid.x has no sender phone number in \"from\".")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"id":"wamid.x","from":"15555550123","timestamp":"yesterday","type":"text"}]}}]}]}""", "Message wamid.x has a timestamp that is not Unix seconds.")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"statuses":[{"status":"read"}]}}]}]}""", "Every status needs the id (wamid) of the message it concerns.")]
    public void APayloadWithoutTheIdsTheHubNeedsIsRefusedWithAReason(string raw, string reason)
    {
        Assert.Equal(reason, Map(raw).Error);
    }

    [Fact]
    public void ATextLongerThanWhatsAppAllowsIsRefused()
    {
        var raw = WhatsAppTestAccount.Notification([WhatsAppTestAccount.Text("wamid.long", new string('x', WhatsAppMapper.MaxTextLength + 1))]);

        Assert.Equal("Message wamid.long is 4097 characters long; WhatsApp allows 4096.", Map(raw).Error);
    }

    [Fact]
    public void ChangesOtherThanMessagesAreAcknowledgedWithNothingToStore()
    {
        var mapped = Map("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}}]}]}""");

        Assert.True(mapped.Succeeded);
        Assert.Empty(mapped.Messages);
        Assert.Empty(mapped.Statuses);
    }

    private static WhatsAppMapResult Map(string raw) =>
        WhatsAppMapper.Map(JsonSerializer.Deserialize<WhatsAppNotification>(raw)!, ReceivedAt);

    private static string Notification(string fixtureMessage)
    {
        var fixture = Fixture.Load("whatsapp/inbound_message_types.json");
        var message = JsonNode.Parse(fixture.GetProperty("messages").GetProperty(fixtureMessage).GetRawText())!;
        return WhatsAppTestAccount.Notification([message]);
    }
}
