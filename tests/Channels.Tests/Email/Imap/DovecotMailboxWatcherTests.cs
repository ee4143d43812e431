using System.Diagnostics;
using ContactHub.Channels.Email.Imap;

namespace ContactHub.Channels.Tests.Email.Imap;

/// <summary>MailboxWatcher against the real Dovecot: at-least-once hand-over, resume, reconnect, IDLE, UIDVALIDITY.</summary>
public sealed class DovecotMailboxWatcherTests
{
    private readonly ImapTestServer server = ImapTestServer.FromEnvironment();
    private readonly CancellationToken ct = CancellationToken.None;

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Timeouts.Await)
            {
                Assert.Fail($"Timed out after {Timeouts.Await} waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Runs a watcher until disposed; disposal cancels it and waits (bounded) for it to stop.</summary>
    private sealed class Running(MailboxWatcher watcher) : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private Task? run;

        public MailboxWatcher Watcher => watcher;

        public Running Start()
        {
            run = watcher.RunAsync(stop.Token);
            return this;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await run!.WaitAsync(Timeouts.Await);
            stop.Dispose();
        }
    }

    private async Task<List<byte[]>> DeliverAsync(string folder, int count, string prefix, int size = 600)
    {
        var messages = new List<byte[]>();
        for (var i = 0; i < count; i++)
        {
            var message = ImapTestServer.MakeMessage($"{prefix} {i}", size);
            await server.DeliverAsync(folder, message, ct).WaitAsync(Timeouts.Await);
            messages.Add(message);
        }

        return messages;
    }

    [Fact]
    public async Task EveryMessageIsHandedOverOnceInUidOrderThenCheckpointedAndMarked()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        var sent = await DeliverAsync(folder, 3, "first");
        var consumer = new IdempotentConsumer();
        var store = new InMemoryCheckpointStore();
        var options = server.WatcherOptions(folder);

        await using (new Running(new MailboxWatcher(options, store, consumer.ConsumeAsync)).Start())
        {
            await WaitUntilAsync(() => consumer.Accepted.Count == 3 && store.Saved.TryGetValue(options.MailboxKey, out var c) && c.LastProcessedUid == 3, "three messages");
        }

        Assert.Equal([1u, 2u, 3u], consumer.Log.Select(e => e.Uid));
        Assert.Equal(sent, consumer.Accepted.OrderBy(a => a.Key.Uid).Select(a => a.Value));
        await using var client = await server.LoginAsync(ct).WaitAsync(Timeouts.Await);
        await client.SelectAsync(folder, ct).WaitAsync(Timeouts.Await);
        var fetched = await client.UidFetchAsync(3, ct).WaitAsync(Timeouts.Await);
        Assert.Contains("$ContactHubProcessed", fetched!.Flags);
    }

    [Fact]
    public async Task NewWatcherWithTheSameCheckpointStoreFetchesOnlyNewMail()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        await DeliverAsync(folder, 2, "before");
        var store = new InMemoryCheckpointStore();
        var options = server.WatcherOptions(folder);
        var first = new IdempotentConsumer();
        await using (new Running(new MailboxWatcher(options, store, first.ConsumeAsync)).Start())
        {
            await WaitUntilAsync(() => first.Accepted.Count == 2 && store.Saved[options.MailboxKey].LastProcessedUid == 2, "two messages");
        }

        var after = await DeliverAsync(folder, 1, "after");
        var second = new IdempotentConsumer();
        await using (new Running(new MailboxWatcher(options, store, second.ConsumeAsync)).Start())
        {
            await WaitUntilAsync(() => second.Accepted.Count == 1, "the new message");
            await Task.Delay(500); // room for a wrong re-delivery of the old ones to show up
        }

        Assert.Equal(2, first.HandOvers);
        var only = Assert.Single(second.Accepted);
        Assert.Equal(3u, only.Key.Uid);
        Assert.Equal(after[0], only.Value);
        Assert.Equal(1, second.HandOvers);
    }

    [Fact]
    public async Task ConnectionCutMidFetchReconnectsAndLosesNothing()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        var sent = await DeliverAsync(folder, 3, "large", size: 20_000);
        // ~2 KB of greeting, login and select, then 20 KB per message: 30 000 octets cuts inside the second literal.
        await using var proxy = new CuttingProxy(server.Host, server.Port, cutAfterServerBytes: 30_000);
        var consumer = new IdempotentConsumer();
        var store = new InMemoryCheckpointStore();
        var watcher = new MailboxWatcher(server.WatcherOptions(folder, ImapSecurity.None, proxy.Port), store, consumer.ConsumeAsync);

        await using (new Running(watcher).Start())
        {
            await WaitUntilAsync(() => consumer.Accepted.Count == 3, "all three messages after the reconnect");
        }

        Assert.True(proxy.Cut, "the proxy never cut the first connection");
        Assert.True(proxy.Connections >= 2);
        Assert.True(watcher.SessionCount >= 2);
        Assert.Equal(sent, consumer.Accepted.OrderBy(a => a.Key.Uid).Select(a => a.Value));
        Assert.Equal([1u, 2u, 3u], consumer.Log.Select(e => e.Uid).Distinct());
        Assert.True(consumer.HandOvers <= 4, $"{consumer.HandOvers} hand-overs: at most the message in flight may repeat");
    }

    [Fact]
    public async Task ConnectionDroppedWhileIdlingReconnectsAndHandsOverLaterMail()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        await DeliverAsync(folder, 1, "before drop");
        await using var proxy = new CuttingProxy(server.Host, server.Port, cutAfterServerBytes: long.MaxValue);
        var consumer = new IdempotentConsumer();
        var options = server.WatcherOptions(folder, ImapSecurity.StartTls, proxy.Port);
        options.PollInterval = TimeSpan.FromMinutes(5);
        var watcher = new MailboxWatcher(options, new InMemoryCheckpointStore(), consumer.ConsumeAsync);

        await using (new Running(watcher).Start())
        {
            await WaitUntilAsync(() => consumer.Accepted.Count == 1, "the first message");
            await Task.Delay(300); // idling now
            proxy.DropAll();
            await DeliverAsync(folder, 1, "after drop");
            await WaitUntilAsync(() => consumer.Accepted.Count == 2, "the message delivered while the connection was down");
        }

        Assert.True(watcher.SessionCount >= 2);
        Assert.Equal(2, consumer.HandOvers);
    }

    [Fact]
    public async Task IdlingWatcherHandsOverNewMailWithinThreeSeconds()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        await DeliverAsync(folder, 1, "warm-up");
        var consumer = new IdempotentConsumer();
        var options = server.WatcherOptions(folder);
        options.PollInterval = TimeSpan.FromMinutes(5); // only IDLE can make this test pass

        await using (new Running(new MailboxWatcher(options, new InMemoryCheckpointStore(), consumer.ConsumeAsync)).Start())
        {
            await WaitUntilAsync(() => consumer.Accepted.Count == 1, "the warm-up message");
            await Task.Delay(500); // the watcher is idling now
            await DeliverAsync(folder, 1, "live");
            var delivered = DateTime.UtcNow;
            await WaitUntilAsync(() => consumer.Accepted.Count == 2, "the live message");
            var handedOver = consumer.Log.Last().At;
            Assert.True(handedOver - delivered < TimeSpan.FromSeconds(3), $"took {handedOver - delivered}");
        }
    }

    [Fact]
    public async Task WatcherReissuesIdleAfterItsRestartIntervalAndStillWakesUp()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        var consumer = new IdempotentConsumer();
        var options = server.WatcherOptions(folder);
        options.PollInterval = TimeSpan.FromMinutes(5);
        options.IdleRestartInterval = TimeSpan.FromMilliseconds(700);

        await using (new Running(new MailboxWatcher(options, new InMemoryCheckpointStore(), consumer.ConsumeAsync)).Start())
        {
            await Task.Delay(2500); // several IDLE / DONE cycles
            await DeliverAsync(folder, 1, "after re-idle");
            var delivered = DateTime.UtcNow;
            await WaitUntilAsync(() => consumer.Accepted.Count == 1, "the message after several IDLE cycles");
            Assert.True(consumer.Log.Last().At - delivered < TimeSpan.FromSeconds(3));
        }
    }

    [Fact]
    public async Task PollingWatcherFindsNewMailWhenIdleIsOff()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        var consumer = new IdempotentConsumer();
        var options = server.WatcherOptions(folder);
        options.UseIdle = false;
        options.PollInterval = TimeSpan.FromMilliseconds(300);

        await using (new Running(new MailboxWatcher(options, new InMemoryCheckpointStore(), consumer.ConsumeAsync)).Start())
        {
            await Task.Delay(500);
            await DeliverAsync(folder, 2, "polled");
            await WaitUntilAsync(() => consumer.Accepted.Count == 2, "two polled messages");
        }
    }

    [Fact]
    public async Task ChangedUidValidityStartsOverFromUidOne()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        await DeliverAsync(folder, 3, "old");
        var store = new InMemoryCheckpointStore();
        var options = server.WatcherOptions(folder);
        var before = new IdempotentConsumer();
        await using (new Running(new MailboxWatcher(options, store, before.ConsumeAsync)).Start())
        {
            await WaitUntilAsync(() => before.Accepted.Count == 3 && store.Saved[options.MailboxKey].LastProcessedUid == 3, "three old messages");
        }

        var oldValidity = store.Saved[options.MailboxKey].UidValidity;
        await using (var client = await server.LoginAsync(ct).WaitAsync(Timeouts.Await))
        {
            await client.DeleteAsync(folder, ct).WaitAsync(Timeouts.Await);
            await client.CreateAsync(folder, ct).WaitAsync(Timeouts.Await);
        }

        var fresh = await DeliverAsync(folder, 1, "recreated"); // UID 1 again, below the old checkpoint
        var after = new IdempotentConsumer();
        await using (new Running(new MailboxWatcher(options, store, after.ConsumeAsync)).Start())
        {
            await WaitUntilAsync(() => after.Accepted.Count == 1, "the message of the recreated folder");
        }

        var only = Assert.Single(after.Accepted);
        Assert.NotEqual(oldValidity, only.Key.UidValidity);
        Assert.Equal(1u, only.Key.Uid);
        Assert.Equal(fresh[0], only.Value);
        Assert.Equal(new ImapCheckpoint(only.Key.UidValidity, 1), store.Saved[options.MailboxKey]);
    }

    [Fact]
    public async Task FailingConsumerIsRetriedAndNothingIsCheckpointedPastIt()
    {
        var folder = await server.NewFolderAsync(ct).WaitAsync(Timeouts.Await);
        await DeliverAsync(folder, 2, "retry");
        var store = new InMemoryCheckpointStore();
        var options = server.WatcherOptions(folder);
        var accepted = new IdempotentConsumer();
        var failures = 0;
        Task Flaky(ImapFetchedMessage message, CancellationToken token)
        {
            if (message.Uid == 2 && Interlocked.Increment(ref failures) <= 2)
            {
                Assert.Equal(1u, store.Saved[options.MailboxKey].LastProcessedUid);
                throw new InvalidOperationException("downstream unavailable");
            }

            return accepted.ConsumeAsync(message, token);
        }

        await using (new Running(new MailboxWatcher(options, store, Flaky)).Start())
        {
            await WaitUntilAsync(() => accepted.Accepted.Count == 2, "both messages after two failures");
        }

        Assert.Equal(3, failures);
        Assert.Equal(2u, store.Saved[options.MailboxKey].LastProcessedUid);
    }
}
