using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;

namespace ContactHub.Core.Tests;

/// <summary>
/// What a live-chat visitor reads back and the receipts their widget records, on every provider: only replies the
/// channel handed over appear, receipts only move forward, and a receipt that beats the hand-over's record is kept.
/// </summary>
public abstract class ChatTranscriptsConformance(StoreProvider provider) : IAsyncLifetime
{
    private const string Visitor = "v_0123456789abcdef0123456789abcdef";
    private StoreHarness _store = null!;
    private Outbox _outbox = null!;
    private ChatTranscripts _transcripts = null!;
    private AppendResult _first = null!;

    public async Task InitializeAsync()
    {
        _store = await StoreHarness.CreateAsync(provider);
        _outbox = new Outbox(_store.Connections, _store.Time);
        _transcripts = new ChatTranscripts(_store.Connections);
        var stream = await _store.StartStreamAsync();
        _first = await stream.AppendAsync(Chat("Hello?"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await stream.AppendAsync(Inbound.Sms("+15555550123", "another customer"), CancellationToken.None).WaitAsync(Inbound.Timeout);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task TheTranscriptListsTheVisitorsMessagesAndOnlyTheRepliesHandedOver()
    {
        var handedOver = await HandOverAsync("Hi, how can I help?");
        await _outbox.QueueReplyAsync(_first.ConversationId, ChannelKind.WebChat, "still in the outbox", [], 1, CancellationToken.None);
        var failed = await _outbox.QueueReplyAsync(_first.ConversationId, ChannelKind.WebChat, "refused", [], 1, CancellationToken.None);
        await _outbox.ClaimDueAsync(10, CancellationToken.None);
        await _outbox.RecordFailedAsync(failed.Id, "empty", "refused", CancellationToken.None);

        var contactId = await _transcripts.ContactOfAsync(ChannelKind.WebChat, Visitor, CancellationToken.None);
        var transcript = await _transcripts.TranscriptAsync(contactId!.Value, ChannelKind.WebChat, 0, CancellationToken.None);

        Assert.Equal(["Hello?", "Hi, how can I help?"], transcript.Select(i => i.Text));
        Assert.Equal(handedOver, transcript[1].Id);
        Assert.Equal([], (await _transcripts.TranscriptAsync(contactId.Value, ChannelKind.WebChat, handedOver, CancellationToken.None)).Select(i => i.Text));
        Assert.Null(await _transcripts.ContactOfAsync(ChannelKind.WebChat, "v_nobody", CancellationToken.None));
        Assert.Equal(_first.ConversationId, await _transcripts.OpenConversationAsync(contactId.Value, ChannelKind.WebChat, CancellationToken.None));
    }

    [Fact]
    public async Task AReadReceiptMovesHandedOverRepliesForwardAndLeavesUnsentOnesAlone()
    {
        var sent = await HandOverAsync("first answer");
        var unsent = await _outbox.QueueReplyAsync(_first.ConversationId, ChannelKind.WebChat, "not yet sent", [], 1, CancellationToken.None);

        var read = await _outbox.ApplyReceiptAsync(_first.ContactId, ChannelKind.WebChat, unsent.Id, "read", CancellationToken.None);
        var delivered = await _outbox.ApplyReceiptAsync(_first.ContactId, ChannelKind.WebChat, unsent.Id, "delivered", CancellationToken.None);

        Assert.Equal([(sent, "read")], read.Select(a => (a.InteractionId, a.Status)));
        Assert.Empty(delivered);
        var timeline = await new ContactDirectory(_store.Connections).TimelineAsync(_first.ContactId, null, 10, CancellationToken.None);
        Assert.Equal("pending", timeline.Single(i => i.Id == unsent.Id).Status);
    }

    [Fact]
    public async Task AReceiptThatBeatsTheHandOverRecordIsKept()
    {
        var reply = await _outbox.QueueReplyAsync(_first.ConversationId, ChannelKind.WebChat, "pushed, not yet recorded", [], 1, CancellationToken.None);
        await _outbox.ClaimDueAsync(10, CancellationToken.None);

        var read = await _outbox.ApplyReceiptAsync(_first.ContactId, ChannelKind.WebChat, reply.Id, "read", CancellationToken.None);
        var accepted = await _outbox.RecordAcceptedAsync(reply.Id, "webchat-out-" + reply.Id, "sent", CancellationToken.None);

        Assert.Equal("read", Assert.Single(read).Status);
        Assert.Equal("read", accepted.Status);
    }

    [Fact]
    public async Task ATypedAddressIsRecordedOncePerContactAndSource()
    {
        var typed = new TypedAddresses(_store.Connections, _store.Time);

        await typed.RecordAsync(_first.ContactId, ChannelKind.Email, "grace@example.com", "webchat-prechat", CancellationToken.None);
        await typed.RecordAsync(_first.ContactId, ChannelKind.Email, "grace@example.com", "webchat-prechat", CancellationToken.None);

        var recorded = Assert.Single(await typed.ForContactAsync(_first.ContactId, CancellationToken.None));
        Assert.Equal(("email", "grace@example.com", "webchat-prechat"), (recorded.Namespace, recorded.Address, recorded.Source));
    }

    private async Task<long> HandOverAsync(string text)
    {
        var reply = await _outbox.QueueReplyAsync(_first.ConversationId, ChannelKind.WebChat, text, [], 1, CancellationToken.None);
        await _outbox.ClaimDueAsync(10, CancellationToken.None);
        await _outbox.RecordAcceptedAsync(reply.Id, "webchat-out-" + reply.Id, "sent", CancellationToken.None);
        return reply.Id;
    }

    private static InboundInteraction Chat(string text) =>
        new(ChannelKind.WebChat, Visitor, Visitor + ":" + Guid.NewGuid().ToString("N"), text, [], DateTimeOffset.UtcNow, "Grace Hopper");
}

public sealed class SqliteChatTranscriptsTests() : ChatTranscriptsConformance(StoreProvider.Sqlite);

public sealed class PostgresChatTranscriptsTests() : ChatTranscriptsConformance(StoreProvider.Postgres);
