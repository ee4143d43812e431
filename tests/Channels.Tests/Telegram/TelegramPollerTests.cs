using ContactHub.Channels.Telegram;
using ContactHub.Channels.Tests.Support;
using ContactHub.Core.Store;
using ContactHub.StandIns.Telegram;

namespace ContactHub.Channels.Tests.Telegram;

/// <summary>A hub with no https public URL long-polls getUpdates, on SQLite and PostgreSQL alike.</summary>
public sealed class TelegramPollerTests
{
    private const string NoPublicUrl = "http://127.0.0.1:5080";

    private static CustomerMessage Text(string text) => new(TelegramStandIn.Chloe) { Text = text };

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public async Task PolledUpdatesAreStoredThenConfirmedByTheDurableOffset(StoreProvider provider)
    {
        await using var store = await StoreDatabase.CreateAsync(provider);
        await using var standIn = await TelegramStandIn.StartAsync();
        var sent = Enumerable.Range(1, 3).Select(i => standIn.Customers.Send(Text($"Question {i}"))).ToList();

        await using var hub = await TelegramHost.StartAsync(store, standIn.BaseUrl, publicBaseUrl: NoPublicUrl);
        var stored = await hub.WaitForInteractionsAsync(found => found.Count == 3);

        Assert.Equal(["Question 1", "Question 2", "Question 3"], stored.Select(s => s.Text));
        // The offset is written just after the append it confirms, so it may trail the stored message by a moment.
        var expected = (sent[^1].UpdateId + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cursors = new ChannelCursors(store.Connections, TimeProvider.System);
        var cursor = await cursors.GetAsync("telegram:5550000001:offset", CancellationToken.None).WaitAsync(Timeouts.Await);
        var deadline = DateTime.UtcNow + Timeouts.Await;
        while (cursor != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            cursor = await cursors.GetAsync("telegram:5550000001:offset", CancellationToken.None).WaitAsync(Timeouts.Await);
        }
        Assert.Equal(expected, cursor);
        await WaitUntilAsync(() => standIn.Updates.PendingIds().Count == 0);
        Assert.Empty(standIn.Updates.PendingIds());
    }

    [Fact]
    public async Task APollerStoppedMidStreamAndRestartedStoresEveryUpdateExactlyOnce()
    {
        await using var store = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var standIn = await TelegramStandIn.StartAsync();
        for (var i = 1; i <= 10; i++)
        {
            standIn.Customers.Send(Text($"Message {i}"));
        }
        // The first hub may append three updates; the fourth append is held until the hub is stopped under it.
        var admitted = 0;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Gate(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref admitted) > 3)
            {
                held.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }

        var first = await TelegramHost.StartAsync(store, standIn.BaseUrl, publicBaseUrl: NoPublicUrl, appendGate: Gate);
        await held.Task.WaitAsync(Timeouts.Await);
        await first.DisposeAsync();
        Assert.Equal(3, (await first.InteractionsAsync()).Count);
        for (var i = 11; i <= 12; i++)
        {
            standIn.Customers.Send(Text($"Message {i}"));
        }

        await using var second = await TelegramHost.StartAsync(store, standIn.BaseUrl, publicBaseUrl: NoPublicUrl);
        var stored = await second.WaitForInteractionsAsync(found => found.Count >= 12);
        // An append is recorded just after it commits: give the last one its moment.
        await WaitUntilAsync(() => second.Appends.Count >= 9);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"Message {i}"), stored.Select(s => s.Text));
        // Resumed at the stored offset: the three confirmed updates were never fetched, let alone appended, again.
        Assert.Equal(9, second.Appends.Count);
        Assert.DoesNotContain(second.Appends, a => a.IsDuplicate);
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.Postgres)]
    public async Task APolledEditReplacesTheStoredTextAndMarksItEdited(StoreProvider provider)
    {
        await using var store = await StoreDatabase.CreateAsync(provider);
        await using var standIn = await TelegramStandIn.StartAsync();
        var (_, messageId) = standIn.Customers.Send(Text("My order is A-4251"));
        standIn.Customers.Edit(TelegramStandIn.Chloe.Id, messageId, "My order is A-4521");

        await using var hub = await TelegramHost.StartAsync(store, standIn.BaseUrl, publicBaseUrl: NoPublicUrl);
        var stored = await hub.WaitForInteractionsAsync(found => found.Count == 1 && found[0].EditedAt is not null);

        var edited = Assert.Single(stored);
        Assert.Equal("My order is A-4521", edited.Text);
        Assert.NotNull(edited.EditedAt);
    }

    [Fact]
    public async Task APollingHubRemovesAStaleWebhookThatBlocksGetUpdates()
    {
        await using var store = await StoreDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var standIn = await TelegramStandIn.StartAsync();
        standIn.Updates.SetWebhook(new BotWebhook("https://old-hub.example.com/webhooks/telegram", "old", null));
        standIn.Customers.Send(Text("Anyone there?"));

        await using var hub = await TelegramHost.StartAsync(store, standIn.BaseUrl, publicBaseUrl: NoPublicUrl);
        var stored = await hub.WaitForInteractionsAsync(found => found.Count == 1);

        Assert.Null(standIn.Updates.Webhook);
        Assert.Equal("Anyone there?", Assert.Single(stored).Text);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow + Timeouts.Await;
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
