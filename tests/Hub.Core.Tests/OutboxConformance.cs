using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.Core.Store;

namespace ContactHub.Core.Tests;

/// <summary>The outbox's promises on every provider: stored before sending, claimed once, statuses only move forward.</summary>
public abstract class OutboxConformance(StoreProvider provider) : IAsyncLifetime
{
    private StoreHarness _store = null!;
    private Outbox _outbox = null!;
    private long _conversationId;

    public async Task InitializeAsync()
    {
        _store = await StoreHarness.CreateAsync(provider);
        _outbox = new Outbox(_store.Connections, _store.Time);
        var stream = await _store.StartStreamAsync();
        _conversationId = (await stream.AppendAsync(Inbound.Sms("+15555550123", "hello"), CancellationToken.None).WaitAsync(Inbound.Timeout)).ConversationId;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task AQueuedReplyIsClaimedByExactlyOneOfTwoConcurrentWorkers()
    {
        for (var i = 0; i < 10; i++)
        {
            await _outbox.QueueReplyAsync(_conversationId, ChannelKind.Sms, $"reply {i}", [], authorAgentId: 1, CancellationToken.None);
        }
        var otherNode = new Outbox(_store.NewConnections(), _store.Time);

        var claims = await Task.WhenAll(
            Task.Run(() => _outbox.ClaimDueAsync(10, CancellationToken.None)),
            Task.Run(() => otherNode.ClaimDueAsync(10, CancellationToken.None))).WaitAsync(Inbound.Timeout);

        var claimedIds = claims.SelectMany(c => c).Select(c => c.Message.InteractionId).ToList();
        Assert.Equal(10, claimedIds.Count);
        Assert.Equal(10, claimedIds.Distinct().Count());
        Assert.All(claims.SelectMany(c => c), c => Assert.Equal("+15555550123", c.Message.ToAddress));
    }

    [Fact]
    public async Task ALateSentCallbackDoesNotUndoDelivered()
    {
        var reply = await _outbox.QueueReplyAsync(_conversationId, ChannelKind.Sms, "on its way", [], 1, CancellationToken.None);
        await _outbox.ClaimDueAsync(10, CancellationToken.None);
        await _outbox.RecordAcceptedAsync(reply.Id, "SM0001", "queued", CancellationToken.None);

        var delivered = await _outbox.ApplyStatusAsync(ChannelKind.Sms, "SM0001", "delivered", null, CancellationToken.None);
        var lateSent = await _outbox.ApplyStatusAsync(ChannelKind.Sms, "SM0001", "sent", null, CancellationToken.None);

        Assert.Equal("delivered", delivered?.Status);
        Assert.Null(lateSent);
        var timeline = await new ContactDirectory(_store.Connections).TimelineAsync(reply.ContactId, null, 10, CancellationToken.None);
        Assert.Equal("delivered", timeline.Single(i => i.Id == reply.Id).Status);
    }

    [Fact]
    public async Task AStatusCallbackThatBeatsTheApiResponseIsKept()
    {
        var reply = await _outbox.QueueReplyAsync(_conversationId, ChannelKind.Sms, "fast network", [], 1, CancellationToken.None);
        await _outbox.ClaimDueAsync(10, CancellationToken.None);
        await _outbox.RecordAcceptedAsync(reply.Id, "SM0002", "queued", CancellationToken.None);
        await _outbox.ApplyStatusAsync(ChannelKind.Sms, "SM0002", "delivered", null, CancellationToken.None);

        var accepted = await _outbox.RecordAcceptedAsync(reply.Id, "SM0002", "queued", CancellationToken.None);

        Assert.Equal("delivered", accepted.Status);
    }

    [Fact]
    public async Task AStatusCallbackThatArrivesBeforeTheProviderIdIsRecordedIsAppliedWhenItIs()
    {
        var reply = await _outbox.QueueReplyAsync(_conversationId, ChannelKind.Sms, "faster than the API", [], 1, CancellationToken.None);
        await _outbox.ClaimDueAsync(10, CancellationToken.None);

        var sentEarly = await _outbox.ApplyStatusAsync(ChannelKind.Sms, "SM0009", "sent", null, CancellationToken.None);
        var deliveredEarly = await _outbox.ApplyStatusAsync(ChannelKind.Sms, "SM0009", "delivered", null, CancellationToken.None);
        var lateSentEarly = await _outbox.ApplyStatusAsync(ChannelKind.Sms, "SM0009", "sent", null, CancellationToken.None);
        var accepted = await _outbox.RecordAcceptedAsync(reply.Id, "SM0009", "queued", CancellationToken.None);

        Assert.All(new[] { sentEarly, deliveredEarly, lateSentEarly }, Assert.Null);
        Assert.Equal("delivered", accepted.Status);
        var stored = (await new ConversationRepository(_store.Connections, _store.Time).InteractionsAsync(_conversationId, CancellationToken.None)).Single(i => i.Id == reply.Id);
        Assert.Equal("delivered", stored.Status);
    }

    [Fact]
    public async Task AnEarlyStatusForAnotherSystemsMessageNeverTouchesOurs()
    {
        var reply = await _outbox.QueueReplyAsync(_conversationId, ChannelKind.Sms, "ours", [], 1, CancellationToken.None);
        await _outbox.ClaimDueAsync(10, CancellationToken.None);

        await _outbox.ApplyStatusAsync(ChannelKind.Sms, "SM-not-ours", "undelivered", "30005", CancellationToken.None);
        await _outbox.ApplyStatusAsync(ChannelKind.WhatsApp, "SM0010", "read", null, CancellationToken.None);
        var accepted = await _outbox.RecordAcceptedAsync(reply.Id, "SM0010", "queued", CancellationToken.None);

        Assert.Equal("queued", accepted.Status);
    }

    [Fact]
    public async Task AFailedCallbackRecordsTheProviderErrorCode()
    {
        var reply = await _outbox.QueueReplyAsync(_conversationId, ChannelKind.Sms, "to a landline", [], 1, CancellationToken.None);
        await _outbox.ClaimDueAsync(10, CancellationToken.None);
        await _outbox.RecordAcceptedAsync(reply.Id, "SM0003", "queued", CancellationToken.None);

        await _outbox.ApplyStatusAsync(ChannelKind.Sms, "SM0003", "undelivered", "30003", CancellationToken.None);

        var stored = (await new ConversationRepository(_store.Connections, _store.Time).InteractionsAsync(_conversationId, CancellationToken.None)).Single(i => i.Id == reply.Id);
        Assert.Equal(("undelivered", "30003"), (stored.Status, stored.ErrorCode));
    }

    [Fact]
    public async Task AMessageClaimedByADeadProcessIsMarkedInterruptedAndNeverResent()
    {
        var reply = await _outbox.QueueReplyAsync(_conversationId, ChannelKind.Sms, "mid-send when the hub died", [], 1, CancellationToken.None);
        Assert.Single(await _outbox.ClaimDueAsync(10, CancellationToken.None));

        var restarted = new Outbox(_store.NewConnections(), _store.Time);
        Assert.Equal(1, await restarted.InterruptAbandonedClaimsAsync(CancellationToken.None));

        Assert.Empty(await restarted.ClaimDueAsync(10, CancellationToken.None));
        var stored = (await new ConversationRepository(_store.Connections, _store.Time).InteractionsAsync(_conversationId, CancellationToken.None)).Single(i => i.Id == reply.Id);
        Assert.Equal(DeliveryStatus.Interrupted, stored.Status);
    }

    [Fact]
    public async Task ADeferredMessageWaitsForItsNextAttemptTime()
    {
        var reply = await _outbox.QueueReplyAsync(_conversationId, ChannelKind.Sms, "rate limited", [], 1, CancellationToken.None);
        await _outbox.ClaimDueAsync(10, CancellationToken.None);

        await _outbox.RecordDeferredAsync(reply.Id, "429", DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);

        Assert.Empty(await _outbox.ClaimDueAsync(10, CancellationToken.None));
    }
}

public sealed class SqliteOutboxTests() : OutboxConformance(StoreProvider.Sqlite);

public sealed class PostgresOutboxTests() : OutboxConformance(StoreProvider.Postgres);
