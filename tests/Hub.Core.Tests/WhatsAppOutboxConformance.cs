using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;

namespace ContactHub.Core.Tests;

/// <summary>On every provider: a WhatsApp template survives the outbox, failures keep their words, and the 24-hour window is read from the store.</summary>
public abstract class WhatsAppOutboxConformance(StoreProvider provider) : IAsyncLifetime
{
    private StoreHarness _store = null!;
    private Outbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _store = await StoreHarness.CreateAsync(provider);
        _outbox = new Outbox(_store.Connections, _store.Time);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task AQueuedTemplateComesOutOfTheOutboxWithItsNameLanguageAndParameters()
    {
        var conversationId = await CustomerWroteAsync("+15555550141", TimeSpan.FromHours(30));

        await _outbox.QueueReplyAsync(conversationId, ChannelKind.WhatsApp, "Your ticket #1042 has news.", [], 1, new TemplateMessage("ticket_update", "en_US", ["#1042", "ünïcode ✓"]), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var (message, _) = Assert.Single(await _outbox.ClaimDueAsync(10, CancellationToken.None).WaitAsync(Inbound.Timeout));

        Assert.Equal(("+15555550141", "Your ticket #1042 has news."), (message.ToAddress, message.Text));
        Assert.Equal(("ticket_update", "en_US"), (message.Template?.Name, message.Template?.Language));
        Assert.Equal(["#1042", "ünïcode ✓"], message.Template!.Parameters);
    }

    [Fact]
    public async Task AFreeFormReplyCarriesNoTemplate()
    {
        var conversationId = await CustomerWroteAsync("+15555550142", TimeSpan.FromMinutes(5));

        await _outbox.QueueReplyAsync(conversationId, ChannelKind.WhatsApp, "On it", [], 1, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Null(Assert.Single(await _outbox.ClaimDueAsync(10, CancellationToken.None).WaitAsync(Inbound.Timeout)).Message.Template);
    }

    [Fact]
    public async Task AFailedStatusKeepsTheProvidersReasonAndALaterSentDoesNotUndoIt()
    {
        var conversationId = await CustomerWroteAsync("+15555550143", TimeSpan.FromMinutes(5));
        var reply = await _outbox.QueueReplyAsync(conversationId, ChannelKind.WhatsApp, "Hello", [], 1, CancellationToken.None);
        await _outbox.RecordAcceptedAsync(reply.Id, "wamid.failed-one", "accepted", CancellationToken.None);

        var failed = await _outbox.ApplyStatusAsync(ChannelKind.WhatsApp, "wamid.failed-one", "failed", "131026", "Message undeliverable", CancellationToken.None);
        var lateSent = await _outbox.ApplyStatusAsync(ChannelKind.WhatsApp, "wamid.failed-one", "sent", null, null, CancellationToken.None);

        Assert.Equal("failed", failed?.Status);
        Assert.Null(lateSent);
        var stored = (await new ConversationRepository(_store.Connections, _store.Time).InteractionsAsync(conversationId, CancellationToken.None)).Single(i => i.Id == reply.Id);
        Assert.Equal(("failed", "131026", "Message undeliverable"), (stored.Status, stored.ErrorCode, stored.ErrorReason));
    }

    [Theory]
    [InlineData(23.5, true)]
    [InlineData(24.5, false)]
    public async Task TheWindowIsOpenForTwentyFourHoursAfterTheCustomersLastWhatsAppMessage(double hoursAgo, bool open)
    {
        var phone = $"+1555555{(int)(hoursAgo * 10):0000}";
        await CustomerWroteAsync(phone, TimeSpan.FromHours(hoursAgo));
        var contactId = (await new ContactDirectory(_store.Connections).SearchAsync(phone, 5, CancellationToken.None)).Single().Id;

        var state = await new CustomerServiceWindows(_store.Connections, _store.Time).StateAsync(contactId, ChannelKind.WhatsApp, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal(open, state.IsOpen);
    }

    private async Task<long> CustomerWroteAsync(string phone, TimeSpan ago)
    {
        var stream = await _store.StartStreamAsync();
        var appended = await stream.AppendAsync(
            new InboundInteraction(ChannelKind.WhatsApp, phone, "wamid." + Guid.NewGuid().ToString("N"), "Hello?", [], DateTimeOffset.UtcNow - ago), CancellationToken.None).WaitAsync(Inbound.Timeout);
        return appended.ConversationId;
    }
}

public sealed class SqliteWhatsAppOutboxTests() : WhatsAppOutboxConformance(StoreProvider.Sqlite);

public sealed class PostgresWhatsAppOutboxTests() : WhatsAppOutboxConformance(StoreProvider.Postgres);
