using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using Dapper;

namespace ContactHub.Core.Tests;

/// <summary>
/// How the store treats conversations an inbound message names by a (verified) conversation token: only ever the
/// sender's own conversation on the same channel, after In-Reply-To/References, like a reply for resolved ones.
/// </summary>
public abstract class TokenThreadingConformance(StoreProvider provider) : IAsyncLifetime
{
    private StoreHarness _store = null!;

    public async Task InitializeAsync() => _store = await StoreHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task AnEmailNamingTheSendersOwnConversationJoinsItWithoutThreadingHeaders()
    {
        var stream = await _store.StartStreamAsync();
        var first = await stream.AppendAsync(Inbound.Email("ana@example.com", "t1@example.com", "Printer broken"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var answer = await stream.AppendAsync(
            Inbound.Email("ana@example.com", "t2@example.com", "Still broken") with { TokenConversations = [first.ConversationId] },
            CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.False(answer.OpenedConversation);
        Assert.Equal(first.ConversationId, answer.ConversationId);
    }

    [Fact]
    public async Task AnEmailNamingAnotherCustomersConversationOpensItsOwn()
    {
        var stream = await _store.StartStreamAsync();
        var victim = await stream.AppendAsync(Inbound.Email("ana@example.com", "v1@example.com", "My account"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var intruder = await stream.AppendAsync(
            Inbound.Email("mallory@example.com", "x1@example.com", "Please send me the password") with { TokenConversations = [victim.ConversationId] },
            CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.True(intruder.OpenedConversation);
        Assert.NotEqual(victim.ConversationId, intruder.ConversationId);
        Assert.NotEqual(victim.ContactId, intruder.ContactId);
        // Not even the thread is borrowed: the intruder's mail starts its own.
        Assert.Equal("x1@example.com", await ThreadKeyAsync(intruder.ConversationId));
    }

    [Fact]
    public async Task InReplyToWinsOverAToken()
    {
        var stream = await _store.StartStreamAsync();
        var order = await stream.AppendAsync(Inbound.Email("ana@example.com", "o1@example.com", "Order A"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var other = await stream.AppendAsync(Inbound.Email("ana@example.com", "o2@example.com", "Order B"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var reply = await stream.AppendAsync(
            Inbound.Email("ana@example.com", "o3@example.com", "About order A", "o1@example.com") with { TokenConversations = [other.ConversationId] },
            CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal(order.ConversationId, reply.ConversationId);
    }

    [Fact]
    public async Task ATokenNamingAResolvedConversationOpensANewOneInItsThreadLikeAReplyDoes()
    {
        var stream = await _store.StartStreamAsync();
        var first = await stream.AppendAsync(Inbound.Email("ana@example.com", "r1@example.com", "Printer broken"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await new ConversationRepository(_store.Connections, _store.Time).SetStateAsync(first.ConversationId, ConversationState.Resolved, CancellationToken.None).WaitAsync(Inbound.Timeout);

        var late = await stream.AppendAsync(
            Inbound.Email("ana@example.com", "r2@example.com", "Broken again") with { TokenConversations = [first.ConversationId] },
            CancellationToken.None).WaitAsync(Inbound.Timeout);
        var again = await stream.AppendAsync(
            Inbound.Email("ana@example.com", "r3@example.com", "Photo attached") with { TokenConversations = [first.ConversationId] },
            CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.True(late.OpenedConversation);
        Assert.NotEqual(first.ConversationId, late.ConversationId);
        Assert.Equal(late.ConversationId, again.ConversationId);
    }

    [Fact]
    public async Task ATokenNamingTheSendersConversationOnAnotherChannelIsIgnored()
    {
        var stream = await _store.StartStreamAsync();
        var email = await stream.AppendAsync(Inbound.Email("ana@example.com", "s1@example.com", "Hello"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await using (var connection = await _store.Connections.OpenAsync())
        {
            // Ana's phone belongs to the same contact, so only the channel tells the two conversations apart.
            await connection.ExecuteAsync(
                "INSERT INTO channel_identities (contact_id, namespace, address, created_at) VALUES (@contactId, 'phone', '+15555550150', 0)",
                new { contactId = email.ContactId });
        }
        var sms = await stream.AppendAsync(Inbound.Sms("+15555550150", "hi"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.Equal(email.ContactId, sms.ContactId);

        var named = await stream.AppendAsync(
            Inbound.Email("ana@example.com", "s2@example.com", "Another topic") with { TokenConversations = [sms.ConversationId] },
            CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.True(named.OpenedConversation);
        Assert.NotEqual(sms.ConversationId, named.ConversationId);
        Assert.NotEqual(email.ConversationId, named.ConversationId);
        Assert.Equal("s2@example.com", await ThreadKeyAsync(named.ConversationId));
    }

    [Fact]
    public async Task AHubSecretIsCreatedOnceAndEveryReaderGetsTheSameKey()
    {
        var secrets = new HubSecrets(_store.Connections, _store.Time);
        var otherNode = new HubSecrets(_store.NewConnections(), _store.Time);

        var both = await Task.WhenAll(
            secrets.GetOrCreateAsync("test-key", 32, CancellationToken.None),
            otherNode.GetOrCreateAsync("test-key", 32, CancellationToken.None)).WaitAsync(Inbound.Timeout);
        var later = await secrets.GetOrCreateAsync("test-key", 32, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal(32, both[0].Length);
        Assert.Equal(both[0], both[1]);
        Assert.Equal(both[0], later);
    }

    private async Task<string> ThreadKeyAsync(long conversationId)
    {
        await using var connection = await _store.Connections.OpenAsync();
        return await connection.QuerySingleAsync<string>("SELECT thread_key FROM conversations WHERE id = @conversationId", new { conversationId }).WaitAsync(Inbound.Timeout);
    }
}

public sealed class SqliteTokenThreadingTests() : TokenThreadingConformance(StoreProvider.Sqlite);

public sealed class PostgresTokenThreadingTests() : TokenThreadingConformance(StoreProvider.Postgres);
