using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Services;
using ContactHub.Core.Store;

namespace ContactHub.Core.Tests;

/// <summary>Opt-outs hold on every provider, across every address a contact has on the channel.</summary>
public abstract class OptOutsConformance(StoreProvider provider) : IAsyncLifetime
{
    private StoreHarness _store = null!;
    private OptOuts _optOuts = null!;

    public async Task InitializeAsync()
    {
        _store = await StoreHarness.CreateAsync(provider);
        _optOuts = new OptOuts(_store.Connections);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task TheFirstStopIsKeptWhenTheCustomerRepeatsIt()
    {
        var first = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

        await _optOuts.RecordOptOutAsync(ChannelKind.Sms, "+15555550111", "STOP", first, CancellationToken.None).WaitAsync(Inbound.Timeout);
        await _optOuts.RecordOptOutAsync(ChannelKind.Sms, "+15555550111", "QUIT", first.AddHours(1), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var optOut = await _optOuts.FindAsync(ChannelKind.Sms, "+15555550111", CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.Equal(new OptOut(ChannelKind.Sms, "+15555550111", "STOP", first), optOut);
    }

    [Fact]
    public async Task StartRemovesTheOptOutAndSaysWhetherThereWasOne()
    {
        await _optOuts.RecordOptOutAsync(ChannelKind.Sms, "+15555550112", "STOP", DateTimeOffset.UtcNow, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.True(await _optOuts.RecordOptInAsync(ChannelKind.Sms, "+15555550112", CancellationToken.None).WaitAsync(Inbound.Timeout));
        Assert.False(await _optOuts.RecordOptInAsync(ChannelKind.Sms, "+15555550112", CancellationToken.None).WaitAsync(Inbound.Timeout));
        Assert.Null(await _optOuts.FindAsync(ChannelKind.Sms, "+15555550112", CancellationToken.None).WaitAsync(Inbound.Timeout));
    }

    [Fact]
    public async Task AnAgentsReplyToAnOptedOutCustomerIsRefusedWithTheReasonAndNothingIsQueued()
    {
        var stream = await _store.StartStreamAsync();
        var opened = await stream.AppendAsync(Inbound.Sms("+15555550113", "STOP"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await _optOuts.RecordOptOutAsync(ChannelKind.Sms, "+15555550113", "STOP", DateTimeOffset.UtcNow, CancellationToken.None).WaitAsync(Inbound.Timeout);
        var conversations = new ConversationRepository(_store.Connections, _store.Time);
        var replies = new ReplyService(conversations, new Outbox(_store.Connections, _store.Time), new OutboxSignal(), _optOuts, new RecordingBus(), Microsoft.Extensions.Options.Options.Create(new ContactHub.Core.Files.FileLimits()),
            new CustomerServiceWindows(_store.Connections, _store.Time), new ContactHub.Core.Outbound.NoMessageTemplates());

        var outcome = await replies.ReplyAsync(opened.ConversationId, new ReplyRequest("Are you still there?"), authorAgentId: 1, CancellationToken.None).WaitAsync(Inbound.Timeout);

        var refused = Assert.IsType<ReplyRefused>(outcome);
        Assert.Equal(ReplyService.OptedOutCode, refused.Code);
        Assert.Contains("\"STOP\"", refused.Reason);
        Assert.Contains("21610", refused.Reason);
        Assert.DoesNotContain(await conversations.InteractionsAsync(opened.ConversationId, CancellationToken.None), i => i.Direction == InteractionDirection.Out);
    }

    [Fact]
    public async Task AnOptedOutSmsNumberDoesNotBlockTheSameContactsEmail()
    {
        var stream = await _store.StartStreamAsync();
        var opened = await stream.AppendAsync(Inbound.Sms("+15555550114", "hello"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await _optOuts.RecordOptOutAsync(ChannelKind.Sms, "+15555550114", "STOP", DateTimeOffset.UtcNow, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.NotNull(await _optOuts.FindForContactAsync(opened.ContactId, ChannelKind.Sms, CancellationToken.None).WaitAsync(Inbound.Timeout));
        Assert.Null(await _optOuts.FindForContactAsync(opened.ContactId, ChannelKind.Email, CancellationToken.None).WaitAsync(Inbound.Timeout));
    }

    [Fact]
    public async Task AContactsOptOutsAreListedUnderTheIdentityTheyBlock()
    {
        var stream = await _store.StartStreamAsync();
        var opened = await stream.AppendAsync(Inbound.Sms("+15555550115", "hello"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await _optOuts.RecordOptOutAsync(ChannelKind.Sms, "+15555550115", "STOP", DateTimeOffset.UtcNow, CancellationToken.None).WaitAsync(Inbound.Timeout);
        // The same string under another channel belongs to no identity of this contact.
        await _optOuts.RecordOptOutAsync(ChannelKind.Telegram, "+15555550115", OptOuts.BlockedTheBot, DateTimeOffset.UtcNow, CancellationToken.None).WaitAsync(Inbound.Timeout);

        var listed = await _optOuts.ListForContactAsync(opened.ContactId, CancellationToken.None).WaitAsync(Inbound.Timeout);

        var (identity, optOut) = Assert.Single(listed);
        Assert.Equal("phone", identity);
        Assert.Equal((ChannelKind.Sms, "STOP"), (optOut.Channel, optOut.Keyword));
    }

    [Fact]
    public async Task AReplyToACustomerWhoBlockedTheBotIsRefusedSayingSo()
    {
        var stream = await _store.StartStreamAsync();
        var opened = await stream.AppendAsync(
            new ContactHub.Core.Stream.InboundInteraction(ChannelKind.Telegram, "5550123001", "5550123001:1", "hi", [], DateTimeOffset.UtcNow), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await _optOuts.RecordOptOutAsync(ChannelKind.Telegram, "5550123001", OptOuts.BlockedTheBot, DateTimeOffset.UtcNow, CancellationToken.None).WaitAsync(Inbound.Timeout);
        var replies = new ReplyService(new ConversationRepository(_store.Connections, _store.Time), new Outbox(_store.Connections, _store.Time), new OutboxSignal(), _optOuts, new RecordingBus(), Microsoft.Extensions.Options.Options.Create(new ContactHub.Core.Files.FileLimits()),
            new CustomerServiceWindows(_store.Connections, _store.Time), new ContactHub.Core.Outbound.NoMessageTemplates());

        var outcome = await replies.ReplyAsync(opened.ConversationId, new ReplyRequest("Still there?"), authorAgentId: 1, CancellationToken.None).WaitAsync(Inbound.Timeout);

        var refused = Assert.IsType<ReplyRefused>(outcome);
        Assert.Contains("blocked the bot on Telegram", refused.Reason);
        Assert.Contains("write to the bot again", refused.Reason);
        Assert.DoesNotContain("21610", refused.Reason);
    }
}

public sealed class SqliteOptOutsTests() : OptOutsConformance(StoreProvider.Sqlite);

public sealed class PostgresOptOutsTests() : OptOutsConformance(StoreProvider.Postgres);
