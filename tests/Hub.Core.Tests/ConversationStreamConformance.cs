using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using Dapper;

namespace ContactHub.Core.Tests;

/// <summary>What every store provider must do with the conversation stream. Each provider's test class inherits it.</summary>
public abstract class ConversationStreamConformance(StoreProvider provider) : IAsyncLifetime
{
    protected StoreHarness Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await StoreHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task AppendingTheSameProviderMessageTwiceStoresItOnce()
    {
        var stream = await Store.StartStreamAsync();
        var message = Inbound.Sms("+15555550123", "Where is my parcel?");

        var first = await stream.AppendAsync(message, CancellationToken.None).WaitAsync(Inbound.Timeout);
        var retry = await stream.AppendAsync(message, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.False(first.IsDuplicate);
        Assert.True(retry.IsDuplicate);
        Assert.Equal(first.InteractionId, retry.InteractionId);
        Assert.Equal(1, await CountAsync("interactions"));
    }

    [Fact]
    public async Task TwoConcurrentFirstMessagesFromOneNewCustomerYieldOneContactAndOneConversation()
    {
        // Two writers with their own connections stand for two hub nodes racing on the same new customer.
        var nodeA = await Store.StartStreamAsync();
        var nodeB = await Store.StartStreamAsync();
        const int customers = 20;
        var appends = new List<Task<Stream.AppendResult>>();
        for (var i = 0; i < customers; i++)
        {
            var number = $"+1555555{i:0000}";
            appends.Add(Task.Run(() => nodeA.AppendAsync(Inbound.Sms(number, "hello from A"), CancellationToken.None)));
            appends.Add(Task.Run(() => nodeB.AppendAsync(Inbound.Sms(number, "hello from B"), CancellationToken.None)));
        }

        var results = await Task.WhenAll(appends).WaitAsync(Inbound.Timeout);

        Assert.Equal(customers, await CountAsync("contacts"));
        Assert.Equal(customers, await CountAsync("conversations"));
        Assert.Equal(customers * 2, await CountAsync("interactions"));
        Assert.Equal(customers, results.Count(r => r.OpenedConversation));
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneMessageFromTwoNodesStoreItOnce()
    {
        var nodeA = await Store.StartStreamAsync();
        var nodeB = await Store.StartStreamAsync();
        var message = Inbound.Sms("+15555550142", "retried by the provider");

        var results = await Task.WhenAll(
            Task.Run(() => nodeA.AppendAsync(message, CancellationToken.None)),
            Task.Run(() => nodeB.AppendAsync(message, CancellationToken.None))).WaitAsync(Inbound.Timeout);

        Assert.Equal(1, await CountAsync("interactions"));
        Assert.Single(results, r => !r.IsDuplicate);
        Assert.Equal(results[0].InteractionId, results[1].InteractionId);
    }

    [Fact]
    public async Task AnSmsAndACallFromOneNumberBelongToOneContact()
    {
        var stream = await Store.StartStreamAsync();

        var sms = await stream.AppendAsync(Inbound.Sms("+15555550155", "calling you now"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var call = await stream.AppendAsync(Inbound.Call("+15555550155"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal(sms.ContactId, call.ContactId);
        Assert.NotEqual(sms.ConversationId, call.ConversationId);
    }

    [Fact]
    public async Task TheTimelineShowsEveryConversationOfTheContactOldestFirst()
    {
        var stream = await Store.StartStreamAsync();
        var first = await stream.AppendAsync(Inbound.Sms("+15555550166", "one"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await stream.AppendAsync(Inbound.Call("+15555550166"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await stream.AppendAsync(Inbound.Sms("+15555550166", "three"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await stream.AppendAsync(Inbound.Sms("+15555550999", "someone else"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var directory = new ContactDirectory(Store.Connections);

        var timeline = await directory.TimelineAsync(first.ContactId, beforeId: null, limit: 100, CancellationToken.None);

        Assert.Equal(["sms", "voice", "sms"], timeline.Select(i => i.Channel.ToWire()));
        Assert.Equal("one", timeline[0].Text);
        Assert.Equal("three", timeline[2].Text);
        Assert.True(timeline.Zip(timeline.Skip(1)).All(pair => pair.First.Id < pair.Second.Id));
    }

    [Fact]
    public async Task TimelinePagesBackwardsFromACursor()
    {
        var stream = await Store.StartStreamAsync();
        long contactId = 0;
        for (var i = 0; i < 5; i++)
        {
            contactId = (await stream.AppendAsync(Inbound.Sms("+15555550177", $"m{i}"), CancellationToken.None).WaitAsync(Inbound.Timeout)).ContactId;
        }
        var directory = new ContactDirectory(Store.Connections);

        var latest = await directory.TimelineAsync(contactId, null, 2, CancellationToken.None);
        var earlier = await directory.TimelineAsync(contactId, latest[0].Id, 2, CancellationToken.None);

        Assert.Equal(["m3", "m4"], latest.Select(i => i.Text));
        Assert.Equal(["m1", "m2"], earlier.Select(i => i.Text));
    }

    [Fact]
    public async Task AMessageAfterResolutionOpensANewConversation()
    {
        var stream = await Store.StartStreamAsync();
        var first = await stream.AppendAsync(Inbound.Sms("+15555550188", "hi"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var repository = new ConversationRepository(Store.Connections, Store.Time);
        await repository.SetStateAsync(first.ConversationId, ConversationState.Resolved, CancellationToken.None);

        var next = await stream.AppendAsync(Inbound.Sms("+15555550188", "me again"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.True(next.OpenedConversation);
        Assert.NotEqual(first.ConversationId, next.ConversationId);
        Assert.Equal(first.ContactId, next.ContactId);
    }

    [Fact]
    public async Task TwoUnrelatedEmailThreadsFromOneCustomerAreTwoOpenConversations()
    {
        var stream = await Store.StartStreamAsync();

        var first = await stream.AppendAsync(Inbound.Email("ana@example.com", "m1@example.com", "Order A"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var second = await stream.AppendAsync(Inbound.Email("ana@example.com", "m2@example.com", "Unrelated question"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.True(first.OpenedConversation && second.OpenedConversation);
        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.Equal(first.ContactId, second.ContactId);
    }

    [Fact]
    public async Task AnEmailAnsweringAnEarlierMessageJoinsItsConversation()
    {
        var stream = await Store.StartStreamAsync();
        var first = await stream.AppendAsync(Inbound.Email("ana@example.com", "m1@example.com", "Order A"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await stream.AppendAsync(Inbound.Email("ana@example.com", "m2@example.com", "Unrelated question"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var reply = await stream.AppendAsync(Inbound.Email("ana@example.com", "m3@example.com", "Any news on order A?", "m1@example.com"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.False(reply.OpenedConversation);
        Assert.Equal(first.ConversationId, reply.ConversationId);
    }

    [Fact]
    public async Task AnEmailAnsweringAResolvedThreadOpensANewConversationInThatThread()
    {
        var stream = await Store.StartStreamAsync();
        var first = await stream.AppendAsync(Inbound.Email("ana@example.com", "m1@example.com", "Order A"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        await new ConversationRepository(Store.Connections, Store.Time).SetStateAsync(first.ConversationId, ConversationState.Resolved, CancellationToken.None);

        var late = await stream.AppendAsync(Inbound.Email("ana@example.com", "m4@example.com", "It broke again", "m1@example.com"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var followUp = await stream.AppendAsync(Inbound.Email("ana@example.com", "m5@example.com", "Photos attached", "m4@example.com", "m1@example.com"), CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.True(late.OpenedConversation);
        Assert.NotEqual(first.ConversationId, late.ConversationId);
        Assert.Equal(late.ConversationId, followUp.ConversationId);
    }

    [Fact]
    public async Task ContactsAreFoundByAPhoneNumberTypedInAnyFormat()
    {
        var stream = await Store.StartStreamAsync();
        var appended = await stream.AppendAsync(Inbound.Sms("+15555550123", "hi"), CancellationToken.None).WaitAsync(Inbound.Timeout);
        var directory = new ContactDirectory(Store.Connections);

        foreach (var typed in new[] { "(555) 555-0123", "555.555.0123", "+1 555 555 0123" })
        {
            var found = await directory.SearchAsync(typed, 10, CancellationToken.None);
            Assert.Equal(appended.ContactId, Assert.Single(found).Id);
        }
        Assert.Empty(await directory.SearchAsync("555-0999", 10, CancellationToken.None));
    }

    [Fact]
    public async Task MigratingTwiceChangesNothing()
    {
        var applied = await CountAsync("schema_migrations");

        await new SchemaMigrator(Store.Connections, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        Assert.Equal(applied, await CountAsync("schema_migrations"));
        Assert.Equal(1, await CountAsync("queues"));
    }

    protected async Task<long> CountAsync(string table)
    {
        await using var connection = await Store.Connections.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}

public sealed class SqliteConversationStreamTests() : ConversationStreamConformance(StoreProvider.Sqlite);

public sealed class PostgresConversationStreamTests() : ConversationStreamConformance(StoreProvider.Postgres);
