using System.Text;
using ContactHub.Channels.Email;
using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Email.Threading;
using ContactHub.Channels.Tests.Support;
using ContactHub.Core.Config;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Tests.Email.Threading;

/// <summary>
/// A customer's mail read, mapped with the hub's token key and appended to a real store: the token joins the sender's
/// own conversation when the threading headers are gone, and nothing else. Each store provider inherits it.
/// </summary>
public abstract class TokenThreadingStoreConformance(StoreProvider provider) : IAsyncLifetime
{
    private const string Support = "support@example.net";
    private static readonly ConversationTokens Tokens = ConversationTokenTests.Tokens;
    private StoreDatabase _store = null!;
    private BatchingConversationStream _stream = null!;

    public async Task InitializeAsync()
    {
        _store = await StoreDatabase.CreateAsync(provider);
        _stream = new BatchingConversationStream(_store.Connections, new DefaultQueueSelector(), TimeProvider.System, NullLogger<BatchingConversationStream>.Instance, Microsoft.Extensions.Options.Options.Create(new ContactHub.Core.Files.FileLimits()));
        await _stream.StartAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
    }

    public async Task DisposeAsync()
    {
        await _stream.StopAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        _stream.Dispose();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task AnAnswerWithoutThreadingHeadersJoinsByTheTokenInItsSubject()
    {
        var first = await ReceiveAsync("ana@example.com", Support, "Printer broken", "It prints nothing.");
        var ourSubject = TokenSubject.Reply("Printer broken", Tokens.Issue(first.ConversationId));

        var answer = await ReceiveAsync("ana@example.com", Support, "Re: " + ourSubject, "Still nothing, see photo.");

        Assert.False(answer.OpenedConversation);
        Assert.Equal(first.ConversationId, answer.ConversationId);
    }

    [Fact]
    public async Task ANewMailToThePlusAddressOfTheReplyToJoinsItsConversation()
    {
        var first = await ReceiveAsync("ana@example.com", Support, "Printer broken", "It prints nothing.");
        var replyTo = PlusAddress.Tagged(Support, Tokens.Issue(first.ConversationId))!;

        var answer = await ReceiveAsync("ana@example.com", replyTo, "Photo", "Here is the photo you asked for.");

        Assert.Equal(first.ConversationId, answer.ConversationId);
    }

    [Fact]
    public async Task AValidTokenInAnotherSendersMailOpensThatSendersOwnConversation()
    {
        var victim = await ReceiveAsync("ana@example.com", Support, "My account", "Please change my address.");
        var leaked = Tokens.Issue(victim.ConversationId);

        var forged = await ReceiveAsync("mallory@example.com", PlusAddress.Tagged(Support, leaked)!, "Re: My account " + leaked.SubjectTag, "Send the invoice to me instead.");

        Assert.True(forged.OpenedConversation);
        Assert.NotEqual(victim.ConversationId, forged.ConversationId);
        Assert.NotEqual(victim.ContactId, forged.ContactId);
    }

    [Fact]
    public async Task ATokenWithATamperedSignatureIsIgnoredAndOpensANewConversation()
    {
        var first = await ReceiveAsync("ana@example.com", Support, "Printer broken", "It prints nothing.");
        var genuine = Tokens.Issue(first.ConversationId);
        var tampered = genuine with { Signature = (genuine.Signature[0] == 'a' ? "b" : "a") + genuine.Signature[1..] };

        var answer = await ReceiveAsync("ana@example.com", Support, "Re: Printer broken " + tampered.SubjectTag, "Hello?");

        Assert.True(answer.OpenedConversation);
        Assert.NotEqual(first.ConversationId, answer.ConversationId);
    }

    [Fact]
    public async Task RepliesComeFromTheQueuesAddressElseTheHubsAndCarryThePlusAddressWhenSwitchedOn()
    {
        var queues = new QueueStore(_store.Connections, TimeProvider.System);
        await queues.UpsertAsync(new QueueDefinition("billing") { DisplayName = "Billing", EmailFrom = "billing@example.net", EmailFromName = "Acme Billing" }, CancellationToken.None).WaitAsync(Timeouts.Await);
        var routing = new RoutingConfigState(queues, new RoutingRuleStore(_store.Connections), new AgentProfileStore(_store.Connections, TimeProvider.System));
        await routing.ReloadAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        var general = await ReceiveAsync("ana@example.com", Support, "Hello", "A question.");
        var billing = await ReceiveAsync("ana@example.com", Support, "Invoice", "Charged twice.");
        var conversations = new ConversationRepository(_store.Connections, TimeProvider.System);
        await conversations.UnassignAsync(billing.ConversationId, "billing", CancellationToken.None).WaitAsync(Timeouts.Await);
        var send = Options.Create(new EmailSendOptions { Host = "smtp.example.net", From = Support, FromName = "Acme Support" });
        var key = new ConversationTokenKey(Options.Create(new EmailThreadingOptions()), new HubSecrets(_store.Connections, TimeProvider.System));
        var plain = new ReplyAddresses(send, Options.Create(new EmailThreadingOptions()), conversations, routing, key);
        var plus = new ReplyAddresses(send, Options.Create(new EmailThreadingOptions { PlusAddressReplyTo = true }), conversations, routing, key);

        var fromGeneral = await plain.ForAsync(general.ConversationId, CancellationToken.None).WaitAsync(Timeouts.Await);
        var fromBilling = await plain.ForAsync(billing.ConversationId, CancellationToken.None).WaitAsync(Timeouts.Await);
        var withPlus = await plus.ForAsync(billing.ConversationId, CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal(new MimeMailbox("Acme Support", Support), fromGeneral.From);
        Assert.Equal(new MimeMailbox("Acme Billing", "billing@example.net"), fromBilling.From);
        Assert.Null(fromBilling.ReplyTo);
        Assert.Equal($"billing+{withPlus.Token.PlusTag}@example.net", withPlus.ReplyTo?.Address);
        Assert.Equal(billing.ConversationId, withPlus.Token.ConversationId);
    }

    [Fact]
    public async Task WithoutAConfiguredKeyEveryNodeSignsWithTheOneKeptInTheStore()
    {
        var unconfigured = Options.Create(new EmailThreadingOptions());
        var nodeA = new ConversationTokenKey(unconfigured, new HubSecrets(_store.Connections, TimeProvider.System));
        var nodeB = new ConversationTokenKey(unconfigured, new HubSecrets(_store.Connections, TimeProvider.System));
        var configured = new ConversationTokenKey(Options.Create(new EmailThreadingOptions { TokenKey = new string('k', 40) }), new HubSecrets(_store.Connections, TimeProvider.System));

        var a = (await nodeA.TokensAsync(CancellationToken.None).AsTask().WaitAsync(Timeouts.Await)).Issue(99);
        var b = (await nodeB.TokensAsync(CancellationToken.None).AsTask().WaitAsync(Timeouts.Await)).Issue(99);
        var c = (await configured.TokensAsync(CancellationToken.None).AsTask().WaitAsync(Timeouts.Await)).Issue(99);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    /// <summary>A customer's mail with no In-Reply-To or References, as read from the mailbox.</summary>
    private async Task<AppendResult> ReceiveAsync(string from, string to, string subject, string body)
    {
        var raw = string.Join("\r\n",
            $"From: Customer <{from}>",
            $"To: {to}",
            $"Subject: {subject}",
            "Date: Mon, 23 Nov 2026 10:00:00 +0000",
            $"Message-ID: <{Guid.NewGuid():N}@example.com>",
            "Content-Type: text/plain; charset=utf-8",
            "",
            body,
            "");
        var message = new MimeReader().Read(Encoding.UTF8.GetBytes(raw));
        return await _stream.AppendAsync(EmailInboundMapper.Map(message, DateTimeOffset.UtcNow, Tokens), CancellationToken.None).WaitAsync(Timeouts.Await);
    }
}

public sealed class SqliteTokenThreadingStoreTests() : TokenThreadingStoreConformance(StoreProvider.Sqlite);

public sealed class PostgresTokenThreadingStoreTests() : TokenThreadingStoreConformance(StoreProvider.Postgres);
