using System.Security.Cryptography;
using System.Text;
using ContactHub.Core.Domain;
using ContactHub.Core.Files;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Dapper;

namespace ContactHub.Core.Tests;

/// <summary>Files arrive with their interaction or not at all, once, and within the size limits, on every provider.</summary>
public abstract class InteractionFilesConformance(StoreProvider provider) : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 invoice");
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3];

    private StoreHarness _store = null!;

    public async Task InitializeAsync() => _store = await StoreHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private static InboundInteraction MailWithFiles(string messageId, params FileContent[] files) =>
        Inbound.Email("ana@example.com", messageId, "Invoice attached") with { Files = files, RawSource = Encoding.ASCII.GetBytes("raw " + messageId) };

    private static FileContent File(string name, string type, byte[] content) => new(name, type, content);

    [Fact]
    public async Task AttachmentsAreStoredWithTheirInteractionAndListedAsHubLinksWhileInlineImagesAreNotListed()
    {
        var stream = await _store.StartStreamAsync();
        var mail = MailWithFiles("files-1@example.com",
            File("Facture n°1.pdf", "application/pdf", Pdf),
            File("logo.png", "image/png", Png) with { ContentId = "logo@x", IsInline = true });

        var appended = await stream.AppendAsync(mail, CancellationToken.None).WaitAsync(Inbound.Timeout);

        var interaction = Assert.Single(await new ConversationRepository(_store.Connections, _store.Time).InteractionsAsync(appended.ConversationId, CancellationToken.None));
        var listed = Assert.Single(interaction.Attachments);
        var files = new InteractionFiles(_store.Connections);
        var stored = await files.ListAsync(appended.InteractionId, CancellationToken.None);
        Assert.Equal(["Facture n°1.pdf", "logo.png"], stored.Select(f => f.FileName));
        Assert.Equal(InteractionFiles.Url(stored[0].Id), listed.Url);
        Assert.Equal(("Facture n°1.pdf", "application/pdf", (long?)Pdf.Length, false), (listed.FileName, listed.ContentType, listed.Size, listed.TooLarge));
        Assert.Equal(("logo@x", true), (stored[1].ContentId, stored[1].IsInline));
        var pdf = await files.GetAsync(stored[0].Id, CancellationToken.None);
        Assert.Equal(Pdf, pdf!.Content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), await ScalarAsync<string>($"SELECT sha256 FROM interaction_files WHERE id = {stored[0].Id}"));
    }

    [Fact]
    public async Task ARetriedMessageFromTwoNodesStoresItsFilesOnce()
    {
        var nodeA = await _store.StartStreamAsync();
        var nodeB = await _store.StartStreamAsync();
        var mail = MailWithFiles("files-2@example.com", File("a.pdf", "application/pdf", Pdf), File("b.png", "image/png", Png));

        await nodeA.AppendAsync(mail, CancellationToken.None).WaitAsync(Inbound.Timeout);
        await Task.WhenAll(
            Task.Run(() => nodeA.AppendAsync(mail, CancellationToken.None)),
            Task.Run(() => nodeB.AppendAsync(mail, CancellationToken.None))).WaitAsync(Inbound.Timeout);

        Assert.Equal(1, await ScalarAsync<long>("SELECT COUNT(*) FROM interactions"));
        Assert.Equal(2, await ScalarAsync<long>("SELECT COUNT(*) FROM interaction_files"));
    }

    [Fact]
    public async Task ConcurrentFirstDeliveriesOnTwoNodesStoreOneSetOfFiles()
    {
        var nodeA = await _store.StartStreamAsync();
        var nodeB = await _store.StartStreamAsync();
        var mail = MailWithFiles("files-3@example.com", File("a.pdf", "application/pdf", Pdf));

        var results = await Task.WhenAll(
            Task.Run(() => nodeA.AppendAsync(mail, CancellationToken.None)),
            Task.Run(() => nodeB.AppendAsync(mail, CancellationToken.None))).WaitAsync(Inbound.Timeout);

        Assert.Single(results, r => !r.IsDuplicate);
        Assert.Equal(1, await ScalarAsync<long>("SELECT COUNT(*) FROM interaction_files"));
    }

    [Fact]
    public async Task FilesOverThePerFileOrPerMessageLimitAreListedAsTooLargeAndNotStored()
    {
        var stream = await _store.StartStreamAsync(fileLimits: new FileLimits { MaxFileBytes = 100, MaxMessageBytes = 150 });
        var mail = MailWithFiles("files-4@example.com",
            File("first.bin", "application/octet-stream", new byte[50]),
            File("huge.bin", "application/octet-stream", new byte[120]),
            File("fits.bin", "application/octet-stream", new byte[80]),
            File("over-total.bin", "application/octet-stream", new byte[90]),
            new FileContent("dropped-by-reader.iso", "application/x-iso9660-image", ReadOnlyMemory<byte>.Empty) { OmittedSize = 40_000_000 });

        var appended = await stream.AppendAsync(mail, CancellationToken.None).WaitAsync(Inbound.Timeout);

        var interaction = Assert.Single(await new ConversationRepository(_store.Connections, _store.Time).InteractionsAsync(appended.ConversationId, CancellationToken.None));
        Assert.Equal(
            [("first.bin", false, 50L), ("huge.bin", true, 120L), ("fits.bin", false, 80L), ("over-total.bin", true, 90L), ("dropped-by-reader.iso", true, 40_000_000L)],
            interaction.Attachments.Select(a => (a.FileName!, a.TooLarge, a.Size!.Value)));
        Assert.All(interaction.Attachments.Where(a => a.TooLarge), a => Assert.Equal("", a.Url));
        Assert.Equal(["first.bin", "fits.bin"], (await new InteractionFiles(_store.Connections).ListAsync(appended.InteractionId, CancellationToken.None)).Select(f => f.FileName));
    }

    [Fact]
    public async Task FileNamesAreStoredWithoutPathsOrControlCharacters()
    {
        var stream = await _store.StartStreamAsync();
        var mail = MailWithFiles("files-5@example.com",
            File("..\\..\\Windows\\evil.exe", "application/x-msdownload", Pdf),
            File("invoice\u202Efdp.exe", "text/html; charset=utf-8", Pdf),
            File("   ", "application/pdf", Pdf));

        var appended = await stream.AppendAsync(mail, CancellationToken.None).WaitAsync(Inbound.Timeout);

        var stored = await new InteractionFiles(_store.Connections).ListAsync(appended.InteractionId, CancellationToken.None);
        Assert.Equal(["evil.exe", "invoicefdp.exe", "attachment"], stored.Select(f => f.FileName));
        Assert.Equal("text/html", stored[1].ContentType);
    }

    [Fact]
    public async Task WhenStoringAFileFailsNeitherTheInteractionNorItsSourceNorItsOtherFilesAreKept()
    {
        await ExecuteAsync(provider == StoreProvider.Sqlite
            ? "CREATE TRIGGER refuse_poison BEFORE INSERT ON interaction_files WHEN NEW.file_name = 'poison.bin' BEGIN SELECT RAISE(ABORT, 'poison'); END"
            : """
              CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW.file_name = 'poison.bin' THEN RAISE EXCEPTION 'poison'; END IF; RETURN NEW; END $$;
              CREATE TRIGGER refuse_poison BEFORE INSERT ON interaction_files FOR EACH ROW EXECUTE FUNCTION refuse_poison();
              """);
        var stream = await _store.StartStreamAsync();
        var mail = MailWithFiles("files-6@example.com", File("fine.pdf", "application/pdf", Pdf), File("poison.bin", "application/octet-stream", Pdf));

        await Assert.ThrowsAnyAsync<Exception>(() => stream.AppendAsync(mail, CancellationToken.None).WaitAsync(Inbound.Timeout));

        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM interactions"));
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM interaction_sources"));
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM interaction_files"));
    }

    [Fact]
    public async Task AnOutboundReplyKeepsItsFilesInTheSameTransactionAndTheWorkerSeesThem()
    {
        var stream = await _store.StartStreamAsync();
        var conversationId = (await stream.AppendAsync(MailWithFiles("files-7@example.com"), CancellationToken.None).WaitAsync(Inbound.Timeout)).ConversationId;
        var outbox = new Outbox(_store.Connections, _store.Time);

        var reply = await outbox.QueueReplyAsync(conversationId, ChannelKind.Email, "Quote attached", [File("quote.pdf", "application/pdf", Pdf)], 1, CancellationToken.None)
            .WaitAsync(Inbound.Timeout);
        var claimed = Assert.Single(await outbox.ClaimDueAsync(10, CancellationToken.None).WaitAsync(Inbound.Timeout));
        var attached = Assert.Single(await new InteractionFiles(_store.Connections).AttachmentsAsync(reply.Id, CancellationToken.None));

        Assert.Equal(("quote.pdf", (long?)Pdf.Length), (Assert.Single(reply.Attachments).FileName, reply.Attachments[0].Size));
        Assert.Equal(reply.Attachments, claimed.Message.Attachments);
        Assert.Equal(Pdf, attached.Content);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await _store.Connections.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException(sql);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _store.Connections.OpenAsync();
        await connection.ExecuteAsync(sql);
    }
}

public sealed class SqliteInteractionFilesTests() : InteractionFilesConformance(StoreProvider.Sqlite);

public sealed class PostgresInteractionFilesTests() : InteractionFilesConformance(StoreProvider.Postgres);
