using System.Text;
using ContactHub.Channels.Telegram;
using ContactHub.Core.Domain;

namespace ContactHub.Channels.Tests.Telegram;

public sealed class TelegramMapperTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 10, 14, 0, 0, TimeSpan.Zero);

    private static TelegramMapped Map(string fixture) => TelegramMapper.Map(TelegramFixtures.Update(fixture), ReceivedAt);

    [Fact]
    public void APrivateTextBecomesAnInteractionFromTheChatWithAStableExternalId()
    {
        var mapped = Map("update_text");

        Assert.Equal(TelegramUpdateKind.Message, mapped.Kind);
        var interaction = mapped.Interaction!;
        Assert.Equal(ChannelKind.Telegram, interaction.Channel);
        Assert.Equal("5550123001", interaction.SenderAddress);
        Assert.Equal("5550123001:5310", interaction.ExternalId);
        Assert.Equal("Bonjour, my parcel #A-4521 hasn't arrived yet 📦", interaction.Text);
        Assert.Equal("Chloé Bernard", interaction.SenderDisplayName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773152585), interaction.SentAt);
        Assert.Null(mapped.File);
        Assert.Null(interaction.VerifiedPhone);
    }

    [Fact]
    public void APhotoIsFetchedInItsLargestSizeAndItsCaptionIsTheText()
    {
        var mapped = Map("update_photo_caption");

        Assert.Equal("Parcel A-4521 arrived crushed #damaged", mapped.Interaction!.Text);
        Assert.Equal("AgACAgQAAxkBAAIUz2fake0DamagedBox1280AMCAAN5AAM2BA", mapped.File!.FileId);
        Assert.Equal("image/jpeg", mapped.File.ContentType);
        Assert.Equal(164208, mapped.File.FileSize);
    }

    [Fact]
    public void AStartCommandKeepsItsTextAndHandsOverItsPayload()
    {
        var mapped = Map("update_start_command");

        Assert.Equal("/start order_4521", mapped.Interaction!.Text);
        Assert.Equal("order_4521", mapped.StartPayload);
    }

    [Fact]
    public void AnEditedMessageIsAnEditOfTheOriginalsExternalIdAtItsEditTime()
    {
        var mapped = Map("update_edited_message");

        Assert.Equal(TelegramUpdateKind.Edit, mapped.Kind);
        Assert.Equal("5550123001:5310", mapped.Interaction!.ExternalId);
        Assert.Equal("Bonjour, my parcel #A-4521 hasn't arrived yet 📦 (ordered on 2 March)", mapped.Interaction.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773152680), mapped.EditedAt);
    }

    [Fact]
    public void ADocumentKeepsTheFileNameAndTypeTheSenderGaveIt()
    {
        var mapped = Map("update_document");

        Assert.Equal("Invoice attached", mapped.Interaction!.Text);
        Assert.Equal(new TelegramFileReference("BQACAgQAAxkBAAIU2WfakeInvoiceA4521AAMCAAN", "invoice A-4521.pdf", "application/pdf", 48213), mapped.File);
    }

    [Fact]
    public void AVoiceNoteIsAnAudioFileWithoutText()
    {
        var mapped = Map("update_voice");

        Assert.Null(mapped.Interaction!.Text);
        Assert.Equal("audio/ogg", mapped.File!.ContentType);
        Assert.EndsWith(".ogg", mapped.File.FileName);
    }

    [Fact]
    public void ALocationBecomesReadableTextWithAMapLink()
    {
        var text = Map("update_location").Interaction!.Text!;

        Assert.StartsWith("Shared a location: 48.85837, 2.294481", text);
        Assert.Contains("https://www.openstreetmap.org/?mlat=48.85837&mlon=2.294481", text);
    }

    [Fact]
    public void TheCustomersOwnSharedContactVouchesForTheirPhoneNumber()
    {
        var interaction = Map("update_contact_own").Interaction!;

        Assert.Equal("Shared a contact: Chloé Bernard, +33612345678", interaction.Text);
        Assert.Equal("+33612345678", interaction.VerifiedPhone);
    }

    [Fact]
    public void SomeoneElsesContactCardIsTextButVouchesForNothing()
    {
        var interaction = Map("update_contact_other").Interaction!;

        Assert.Equal("Shared a contact: Marc Durand, +15555550199", interaction.Text);
        Assert.Null(interaction.VerifiedPhone);
    }

    [Theory]
    [InlineData("update_callback_query")]
    [InlineData("update_group_text")]
    public void UpdatesTheHubDoesNotHandleAreIgnoredWithAReason(string fixture)
    {
        var mapped = Map(fixture);

        Assert.Equal(TelegramUpdateKind.Ignored, mapped.Kind);
        Assert.Null(mapped.Interaction);
        Assert.False(string.IsNullOrWhiteSpace(mapped.IgnoredBecause));
    }

    [Theory]
    [InlineData("""{"message":{"message_id":1,"chat":{"id":5,"type":"private"}}}""", "update_id is required.")]
    [InlineData("""{"update_id":7,"message":{"chat":{"id":5,"type":"private"}}}""", "message.message_id is required.")]
    [InlineData("""{"update_id":7,"edited_message":{"message_id":1,"chat":{"type":"private"}}}""", "edited_message.chat.id is required.")]
    public void AnUpdateMissingTheIdsTheHubReliesOnIsRefusedWithTheMissingField(string json, string reason)
    {
        var (_, error) = TelegramUpdateReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(reason, error);
    }

    [Fact]
    public void ABodyThatIsNotJsonIsRefusedWithAReason()
    {
        var (update, error) = TelegramUpdateReader.Read("update_id=1"u8);

        Assert.Null(update);
        Assert.StartsWith("The body is not a Telegram Update", error);
    }

    [Fact]
    public void AReplyLongerThanTelegramAllowsIsCutAtALineBreakIntoMessagesItAccepts()
    {
        var text = string.Join('\n', Enumerable.Repeat(new string('a', 99), 100));

        var parts = TelegramText.Split(text);

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramText.MaxMessageLength));
        Assert.Equal(text.Replace("\n", ""), string.Concat(parts).Replace("\n", ""));
    }
}
