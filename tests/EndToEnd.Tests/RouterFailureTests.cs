using System.Collections.Concurrent;

namespace ContactHub.EndToEnd.Tests;

/// <summary>
/// The router under failure, with real processes: two hubs sharing one Redis and one PostgreSQL, and a
/// hub killed with SIGKILL in the middle of an offer.
/// </summary>
public sealed class RouterFailureTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TwilioStandInServer _twilio = null!;
    private readonly List<IAsyncDisposable> _cleanup = [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _twilio = await TwilioStandInServer.StartAsync(HubCluster.AccountSid, HubCluster.AuthToken, HubCluster.OurNumber);
    }

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }
        await _twilio.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task TwoHubsSharingOneRedisNeverAssignOneConversationTwice()
    {
        const int agents = 6;
        const int conversations = 90;
        var cluster = new HubCluster(_database.ConnectionString, _twilio.BaseUrl, agents);
        var nodes = await Task.WhenAll(cluster.StartNodeAsync(), cluster.StartNodeAsync());
        _cleanup.AddRange(nodes);
        var clients = new List<AgentClient>();
        for (var i = 0; i < agents; i++)
        {
            var client = await AgentClient.SignInAsync(nodes[i % 2].BaseUrl, HubCluster.AgentName(i), HubCluster.Password);
            await client.SetPresenceAsync("available");
            clients.Add(client);
        }

        using var http = new HttpClient();
        var sends = Enumerable.Range(0, conversations).Select(i =>
            SignedSms.PostAsync(http, nodes[i % 2].BaseUrl, HubCluster.AuthToken, HubCluster.AccountSid, $"+1555557{i:0000}", HubCluster.OurNumber, $"customer {i} needs help"));
        var answers = await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode));

        // Every agent answers its offers as fast as it can, double-clicking each accept (both requests race),
        // and resolves at once so capacity turns over and both nodes keep matching.
        var accepted = new ConcurrentBag<(string Agent, long Conversation)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && accepted.Count < conversations)
            {
                var offer = (await client.MeAsync()).Offer;
                if (offer is null)
                {
                    await Task.Delay(25);
                    continue;
                }
                var clicks = await Task.WhenAll(client.AcceptAsync(offer.ConversationId), client.AcceptAsync(offer.ConversationId));
                Assert.True(clicks.Count(won => won) <= 1, "a double-clicked accept succeeded twice");
                if (clicks.Any(won => won))
                {
                    accepted.Add((client.UserName, offer.ConversationId));
                    Assert.True(await client.ResolveAsync(offer.ConversationId));
                }
            }
        })));

        Assert.Equal(conversations, accepted.Count);
        Assert.Equal(conversations, accepted.Select(a => a.Conversation).Distinct().Count());
        Assert.Equal(conversations, await _database.ScalarAsync("SELECT COUNT(*) FROM conversation_events WHERE kind = 'assigned'"));
        Assert.Equal(0, await _database.ScalarAsync("SELECT COUNT(*) FROM (SELECT conversation_id FROM conversation_events WHERE kind = 'assigned' GROUP BY conversation_id HAVING COUNT(*) > 1) twice"));
        Assert.Equal(conversations, await _database.ScalarAsync("SELECT COUNT(*) FROM conversations WHERE state = 'resolved'"));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task KillingAHubInTheMiddleOfAnOfferLosesNoConversation()
    {
        var cluster = new HubCluster(_database.ConnectionString, _twilio.BaseUrl, agents: 2, offerTimeoutSeconds: 3);
        var doomed = await cluster.StartNodeAsync();
        _cleanup.Add(doomed);
        using (var first = await AgentClient.SignInAsync(doomed.BaseUrl, HubCluster.AgentName(0), HubCluster.Password))
        {
            await first.SetPresenceAsync("available");
            using var http = new HttpClient();
            var response = await SignedSms.PostAsync(http, doomed.BaseUrl, HubCluster.AuthToken, HubCluster.AccountSid, "+15555558001", HubCluster.OurNumber, "are you there?");
            Assert.True(response.IsSuccessStatusCode);
            await WaitUntilAsync(async () => (await first.MeAsync()).Offer is not null, "the first agent never got the offer");
        }

        await doomed.KillAsync();
        var survivor = await cluster.StartNodeAsync();
        _cleanup.Add(survivor);
        using var second = await AgentClient.SignInAsync(survivor.BaseUrl, HubCluster.AgentName(1), HubCluster.Password);
        await second.SetPresenceAsync("available");

        // The dead node's offer runs out on the surviving node's clock and goes to the next agent.
        long conversationId = 0;
        await WaitUntilAsync(async () => (await second.MeAsync()).Offer is { } offer && (conversationId = offer.ConversationId) > 0, "the conversation was never re-offered after the crash");
        Assert.True(await second.AcceptAsync(conversationId));
        Assert.Equal(1, await _database.ScalarAsync($"SELECT COUNT(*) FROM conversations WHERE id = {conversationId} AND assignee_id = {second.Id}"));
        Assert.Equal(1, await _database.ScalarAsync("SELECT COUNT(*) FROM interactions WHERE text = 'are you there?'"));
    }

    [Fact]
    public async Task ARedisThatLostItsStateIsRebuiltFromTheStore()
    {
        var cluster = new HubCluster(_database.ConnectionString, _twilio.BaseUrl, agents: 1);
        long answered;
        long waiting;
        var first = await cluster.StartNodeAsync();
        _cleanup.Add(first);
        using (var agent = await AgentClient.SignInAsync(first.BaseUrl, HubCluster.AgentName(0), HubCluster.Password))
        {
            await agent.SetPresenceAsync("available");
            using var http = new HttpClient();
            Assert.True((await SignedSms.PostAsync(http, first.BaseUrl, HubCluster.AuthToken, HubCluster.AccountSid, "+15555558101", HubCluster.OurNumber, "first customer")).IsSuccessStatusCode);
            await WaitUntilAsync(async () => (await agent.MeAsync()).Offer is not null, "no offer for the first customer");
            answered = (await agent.MeAsync()).Offer!.ConversationId;
            Assert.True(await agent.AcceptAsync(answered));
            await agent.SetPresenceAsync("away");
            Assert.True((await SignedSms.PostAsync(http, first.BaseUrl, HubCluster.AuthToken, HubCluster.AccountSid, "+15555558102", HubCluster.OurNumber, "second customer")).IsSuccessStatusCode);
            waiting = await _database.ScalarAsync("SELECT id FROM conversations WHERE assignee_id IS NULL");
        }
        await first.KillAsync();

        // Redis comes back empty: every routing key of this cluster is gone.
        // A generous sync timeout: the shared test Redis holds every other test's keys, and SCAN walks them all.
        using (var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(cluster.Settings["ConnectionStrings:Redis"] + ",syncTimeout=30000"))
        {
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            foreach (var key in server.Keys(pattern: cluster.KeyPrefix + "*", pageSize: 1000).ToList())
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
        var second = await cluster.StartNodeAsync();
        _cleanup.Add(second);
        using var again = await AgentClient.SignInAsync(second.BaseUrl, HubCluster.AgentName(0), HubCluster.Password);

        await WaitUntilAsync(async () => (await again.MeAsync()).ActiveConversations == 1, "the accepted conversation was not restored to its agent");
        await again.SetPresenceAsync("available");
        await WaitUntilAsync(async () => (await again.MeAsync()).Offer?.ConversationId == waiting, "the waiting conversation was not queued again");
        Assert.Equal(1, await _database.ScalarAsync($"SELECT COUNT(*) FROM conversations WHERE id = {answered} AND assignee_id = {again.Id}"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException(failure);
    }
}
