using ContactHub.Core.Domain;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>The reply service enforces the file policy itself, so a client that skips the console's checks gains nothing.</summary>
public sealed class ReplyFilesTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    private T Service<T>() where T : notnull => hub.Factory.Services.GetRequiredService<T>();

    private async Task<long> ConversationAsync(InboundInteraction first) =>
        (await Service<IConversationStream>().AppendAsync(first, CancellationToken.None).WaitAsync(TestServers.Timeout)).ConversationId;

    private static FileContent Pdf(string name) => new(name, "application/pdf", "%PDF-1.4"u8.ToArray());

    [Fact]
    public async Task ADocumentOnAnSmsReplyIsRefusedAndNothingIsQueued()
    {
        var conversationId = await ConversationAsync(new InboundInteraction(ChannelKind.Sms, Sids.Phone(), Sids.Message(), "hi", [], DateTimeOffset.UtcNow));

        var refused = Assert.IsType<ReplyRefused>(await
            Service<ReplyService>().ReplyAsync(conversationId, new ReplyRequest("see file") { Files = [Pdf("a.pdf")] }, null, CancellationToken.None).WaitAsync(TestServers.Timeout));

        Assert.Equal((ReplyService.FilesRefusedCode, "“a.pdf” cannot go by SMS: only JPEG, PNG and GIF pictures can (send documents by e-mail)."), (refused.Code, refused.Reason));
        Assert.Single(await Service<ConversationRepository>().InteractionsAsync(conversationId, CancellationToken.None));
    }

    [Fact]
    public async Task APictureOnAnSmsReplyIsStoredAsAnMmsAttachmentWithAPublicSignedUrl()
    {
        var conversationId = await ConversationAsync(new InboundInteraction(ChannelKind.Sms, Sids.Phone(), Sids.Message(), "hi", [], DateTimeOffset.UtcNow));
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

        var queued = Assert.IsType<ReplyQueued>(await Service<ReplyService>().ReplyAsync(
            conversationId, new ReplyRequest("here is the label") { Files = [new FileContent("label.png", "image/png", png)] }, null, CancellationToken.None).WaitAsync(TestServers.Timeout));

        var attachment = Assert.Single(queued.Interaction.Attachments);
        var publicUrl = Service<ContactHub.Core.Files.IPublicFileLinks>().PublicUrlFor(attachment.Url);
        Assert.StartsWith(HubFactory.PublicBaseUrl + "/api/files/", publicUrl);
        var fetched = await hub.Factory.CreateClient().GetAsync(new Uri(publicUrl!).PathAndQuery).WaitAsync(TestServers.Timeout);
        Assert.Equal(System.Net.HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(png, await fetched.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AFileKindOutsideTheAllowlistIsRefusedOnAnEmailReplyEvenIfTheConsoleWasBypassed()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var conversationId = await ConversationAsync(new InboundInteraction(ChannelKind.Email, $"ana.{id}@example.com", $"{id}@example.com", "hello", [], DateTimeOffset.UtcNow));

        var refused = Assert.IsType<ReplyRefused>(await
            Service<ReplyService>().ReplyAsync(conversationId, new ReplyRequest("tool") { Files = [Pdf("fine.pdf"), Pdf("tool.exe")] }, null, CancellationToken.None).WaitAsync(TestServers.Timeout));

        Assert.StartsWith("“tool.exe” cannot be attached", refused.Reason);
        Assert.Single(await Service<ConversationRepository>().InteractionsAsync(conversationId, CancellationToken.None));
    }

    [Fact]
    public async Task AnAllowedFileIsStoredWithTheReplyUnderItsExtensionsTypeNotTheDeclaredOne()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var conversationId = await ConversationAsync(new InboundInteraction(ChannelKind.Email, $"ben.{id}@example.com", $"{id}@example.com", "hello", [], DateTimeOffset.UtcNow));

        var reply = Assert.IsType<ReplyQueued>(await Service<ReplyService>().ReplyAsync(
            conversationId, new ReplyRequest("photo") { Files = [new FileContent("C:\\fakepath\\photo.JPG", "text/html", new byte[] { 1, 2 })] }, null, CancellationToken.None)
            .WaitAsync(TestServers.Timeout));

        var file = Assert.Single(await Service<InteractionFiles>().ListAsync(reply.Interaction.Id, CancellationToken.None));
        Assert.Equal(("photo.JPG", "image/jpeg", 2L), (file.FileName, file.ContentType, file.Size));
    }
}
