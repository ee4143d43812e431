using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Dapper;

namespace ContactHub.Core.Tests;

/// <summary>
/// One customer, one timeline, on every store provider: a provider-verified phone merges contacts during the append,
/// weaker matches (same full name, a typed-in e-mail) only become suggestions, and an agent's merge moves everything.
/// </summary>
public abstract class ContactMergesConformance(StoreProvider provider) : IAsyncLifetime
{
    private StoreHarness _store = null!;
    private readonly RecordingBus _events = new();

    public async Task InitializeAsync() => _store = await StoreHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private ContactMerges Merges => new(_store.Connections, _events, TimeProvider.System);

    private ContactDirectory Directory => new(_store.Connections);

    private static InboundInteraction Telegram(string chatId, string text, string name = "Mia Jensen") =>
        new(ChannelKind.Telegram, chatId, $"{chatId}:{Guid.NewGuid():N}", text, [], DateTimeOffset.UtcNow, SenderDisplayName: name);

    private static InboundInteraction WebChat(string visitor, string text, string name, string? email = null) =>
        new(ChannelKind.WebChat, visitor, Guid.NewGuid().ToString("N"), text, [], DateTimeOffset.UtcNow, SenderDisplayName: name) { ClaimedEmail = email };

    [Fact]
    public async Task ATelegramUserSharingTheirOwnPhoneJoinsTheContactWhoTextedFromIt()
    {
        var stream = await _store.StartStreamAsync();
        var sms = await stream.AppendAsync(Inbound.Sms("+15555550140", "Is my order on its way?"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var chat = await stream.AppendAsync(Telegram("81726354", "Hi, it's me again on Telegram"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.NotEqual(sms.ContactId, chat.ContactId);

        var shared = await stream.AppendAsync(Telegram("81726354", "Mia Jensen +15555550140") with { VerifiedPhone = "+15555550140" }, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal(sms.ContactId, shared.ContactId);
        Assert.Equal(chat.ContactId, shared.MergedContactId);
        var contact = (await Directory.GetAsync(chat.ContactId, CancellationToken.None))!;
        Assert.Equal(sms.ContactId, contact.Id);
        Assert.Equal("Mia Jensen", contact.DisplayName);
        Assert.Equal(["phone:+15555550140", "telegram:81726354"], contact.Identities.Select(i => $"{i.Channel}:{i.Address}").Order());
        var timeline = await Directory.TimelineAsync(sms.ContactId, null, 100, CancellationToken.None);
        Assert.Equal(["Is my order on its way?", "Hi, it's me again on Telegram", "Mia Jensen +15555550140"], timeline.Select(i => i.Text));
        // The next Telegram message lands on the merged contact without any phone in it.
        var later = await stream.AppendAsync(Telegram("81726354", "Thanks!"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.Equal(sms.ContactId, later.ContactId);
        Assert.Single(await Directory.SearchAsync("+15555550140", 10, CancellationToken.None));
    }

    [Fact]
    public async Task AVerifiedPhoneNobodyOwnsYetIsLinkedSoALaterSmsFindsTheSameContact()
    {
        var stream = await _store.StartStreamAsync();
        var shared = await stream.AppendAsync(Telegram("5550001", "my number") with { VerifiedPhone = "+15555550141" }, CancellationToken.None).WaitAsync(Inbound.Timeout);

        var sms = await stream.AppendAsync(Inbound.Sms("+15555550141", "texting now"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Null(shared.MergedContactId);
        Assert.Equal(shared.ContactId, sms.ContactId);
    }

    [Fact]
    public async Task AWhatsAppSenderAndAnSmsNumberWithOneNumberAreOneContact()
    {
        var stream = await _store.StartStreamAsync();
        var sms = await stream.AppendAsync(Inbound.Sms("+15555550142", "sms first"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var whatsApp = await stream.AppendAsync(
            new InboundInteraction(ChannelKind.WhatsApp, "+15555550142", "wamid." + Guid.NewGuid().ToString("N"), "now on WhatsApp", [], DateTimeOffset.UtcNow),
            CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal(sms.ContactId, whatsApp.ContactId);
        Assert.NotEqual(sms.ConversationId, whatsApp.ConversationId);
    }

    [Fact]
    public async Task ATypedInEmailOfAnExistingCustomerIsOnlyASuggestion()
    {
        var stream = await _store.StartStreamAsync();
        var email = await stream.AppendAsync(Inbound.Email("noah.berg@example.org", "<a1@example.org>", "Invoice question"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var chat = await stream.AppendAsync(WebChat("visitor-1", "Hello from the website", "Noah", "Noah.Berg@example.org"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.NotEqual(email.ContactId, chat.ContactId);
        var suggestion = Assert.Single(await Merges.OpenSuggestionsAsync(chat.ContactId, CancellationToken.None));
        Assert.Equal(email.ContactId, suggestion.CandidateId);
        Assert.Equal("Typed the same e-mail address in the web chat form", suggestion.ReasonText);
        Assert.Single(await Merges.OpenSuggestionsAsync(email.ContactId, CancellationToken.None));
    }

    [Fact]
    public async Task TheSameFullNameIsSuggestedButAFirstNameAloneIsNot()
    {
        var stream = await _store.StartStreamAsync();
        var first = await stream.AppendAsync(Telegram("100", "hi", name: "Ola Nordmann"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var alone = await stream.AppendAsync(Telegram("101", "hi", name: "Ola"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var aloneAgain = await stream.AppendAsync(WebChat("visitor-2", "hi", "Ola"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var namesake = await stream.AppendAsync(WebChat("visitor-3", "hello", "ola nordmann"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal(first.ContactId, Assert.Single(await Merges.OpenSuggestionsAsync(namesake.ContactId, CancellationToken.None)).CandidateId);
        Assert.Empty(await Merges.OpenSuggestionsAsync(alone.ContactId, CancellationToken.None));
        Assert.Empty(await Merges.OpenSuggestionsAsync(aloneAgain.ContactId, CancellationToken.None));
    }

    [Fact]
    public async Task AnAgentsMergeMovesConversationsInteractionsAndIdentitiesToTheOlderContact()
    {
        var stream = await _store.StartStreamAsync();
        var sms = await stream.AppendAsync(Inbound.Sms("+15555550143", "sms"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var chat = await stream.AppendAsync(WebChat("visitor-4", "web chat", "Lea Moser"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var (outcome, survivor) = await Merges.MergeAsync(chat.ContactId, sms.ContactId, "agent-7", CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal((MergeOutcome.Merged, sms.ContactId), (outcome, survivor));
        await using var connection = await _store.Connections.OpenAsync();
        Assert.Equal(0, await connection.QuerySingleAsync<int>("SELECT COUNT(*) FROM interactions WHERE contact_id = @id", new { id = chat.ContactId }));
        Assert.Equal(2, await connection.QuerySingleAsync<int>("SELECT COUNT(*) FROM conversations WHERE contact_id = @id", new { id = sms.ContactId }));
        // The number-named survivor takes the web chat visitor's real name; only the survivor is found.
        Assert.Equal(sms.ContactId, Assert.Single(await Directory.SearchAsync("Lea Moser", 10, CancellationToken.None)).Id);
        var merged = Assert.IsType<ContactsMerged>(Assert.Single(_events.Published));
        Assert.Equal((sms.ContactId, chat.ContactId), (merged.SurvivorId, merged.MergedId));
        // The visitor writes again: their message joins the survivor's open web chat conversation.
        var again = await stream.AppendAsync(WebChat("visitor-4", "still there?", "Lea Moser"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.Equal((sms.ContactId, chat.ConversationId), (again.ContactId, again.ConversationId));
        var (twice, _) = await Merges.MergeAsync(chat.ContactId, sms.ContactId, "agent-7", CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.Equal(MergeOutcome.AlreadyMerged, twice);
    }

    [Fact]
    public async Task TwoOpenConversationsOnOneChannelBothSurviveAMerge()
    {
        var stream = await _store.StartStreamAsync();
        var home = await stream.AppendAsync(Inbound.Sms("+15555550144", "from my home phone"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var work = await stream.AppendAsync(Inbound.Sms("+15555550145", "from my work phone"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var (outcome, _) = await Merges.MergeAsync(home.ContactId, work.ContactId, "agent-7", CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal(MergeOutcome.Merged, outcome);
        var nextFromHome = await stream.AppendAsync(Inbound.Sms("+15555550144", "again"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.Equal(home.ConversationId, nextFromHome.ConversationId);
        await using var connection = await _store.Connections.OpenAsync();
        Assert.Equal(2, await connection.QuerySingleAsync<int>("SELECT COUNT(*) FROM conversations WHERE contact_id = @id AND state <> 'resolved'", new { id = home.ContactId }));
    }

    [Fact]
    public async Task AReplyGoesToTheNumberTheCustomerWroteFromInThatConversationAfterAMerge()
    {
        var stream = await _store.StartStreamAsync();
        var home = await stream.AppendAsync(Inbound.Sms("+15555550146", "from my home phone"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var work = await stream.AppendAsync(Inbound.Sms("+15555550147", "from my work phone"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await Merges.MergeAsync(home.ContactId, work.ContactId, "agent-7", CancellationToken.None).WaitAsync(Inbound.Timeout);
        var outbox = new Outbox(_store.Connections, _store.Time);

        await outbox.QueueReplyAsync(work.ConversationId, ChannelKind.Sms, "to work", [], authorAgentId: null, CancellationToken.None).WaitAsync(Inbound.Timeout);
        await outbox.QueueReplyAsync(home.ConversationId, ChannelKind.Sms, "to home", [], authorAgentId: null, CancellationToken.None).WaitAsync(Inbound.Timeout);
        var claimed = await outbox.ClaimDueAsync(10, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal(["to home -> +15555550146", "to work -> +15555550147"], claimed.Select(c => $"{c.Message.Text} -> {c.Message.ToAddress}").Order());
    }

    [Fact]
    public async Task ADismissedSuggestionIsNotOfferedAgain()
    {
        var stream = await _store.StartStreamAsync();
        await stream.AppendAsync(Telegram("200", "hi", name: "Jon Smith"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var other = await stream.AppendAsync(WebChat("visitor-5", "hi", "Jon Smith"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var suggestion = Assert.Single(await Merges.OpenSuggestionsAsync(other.ContactId, CancellationToken.None));

        Assert.True(await Merges.DismissAsync(suggestion.Id, "agent-7", CancellationToken.None));
        await stream.AppendAsync(WebChat("visitor-5", "me again", "Jon Smith"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Empty(await Merges.OpenSuggestionsAsync(other.ContactId, CancellationToken.None));
        Assert.False(await Merges.DismissAsync(suggestion.Id, "agent-7", CancellationToken.None));
    }
}

public sealed class SqliteContactMergesTests() : ContactMergesConformance(StoreProvider.Sqlite);

public sealed class PostgresContactMergesTests() : ContactMergesConformance(StoreProvider.Postgres);
