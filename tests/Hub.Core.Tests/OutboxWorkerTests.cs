using System.Collections.Concurrent;
using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Outbound;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactHub.Core.Tests;

/// <summary>The worker's promises: transient failures retried, uncertain sends never repeated, refusals recorded.</summary>
public sealed class OutboxWorkerTests : IAsyncLifetime
{
    private StoreHarness _store = null!;
    private Outbox _outbox = null!;
    private long _conversationId;

    public async Task InitializeAsync()
    {
        _store = await StoreHarness.CreateAsync(StoreProvider.Sqlite);
        _outbox = new Outbox(_store.Connections, _store.Time);
        var stream = await _store.StartStreamAsync();
        _conversationId = (await stream.AppendAsync(Inbound.Sms("+15555550123", "hello"), CancellationToken.None).WaitAsync(Inbound.Timeout)).ConversationId;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task ARateLimitedSendIsRetriedAndThenAccepted()
    {
        var sender = new ScriptedSender(new SendDeferred("429", TimeSpan.FromMilliseconds(100)), new SendAccepted("SM1", "queued"));

        var status = await SendThroughWorkerAsync(sender, expectedStatus: "queued");

        Assert.Equal("queued", status.Status);
        Assert.Equal(2, sender.Attempts);
    }

    [Fact]
    public async Task AnUncertainSendIsMarkedInterruptedAndNeverRetried()
    {
        var sender = new ScriptedSender(new SendUncertain("timed out"), new SendAccepted("SM2", "queued"));

        var status = await SendThroughWorkerAsync(sender, expectedStatus: DeliveryStatus.Interrupted);
        await Task.Delay(1500);

        Assert.Equal(DeliveryStatus.Interrupted, status.Status);
        Assert.Equal(1, sender.Attempts);
    }

    [Fact]
    public async Task ARefusalRecordsTheProvidersErrorCode()
    {
        var sender = new ScriptedSender(new SendRejected("21610", "The recipient replied STOP."));

        var status = await SendThroughWorkerAsync(sender, expectedStatus: DeliveryStatus.Failed);

        var stored = (await new ConversationRepository(_store.Connections, _store.Time).InteractionsAsync(_conversationId, CancellationToken.None)).Single(i => i.Id == status.InteractionId);
        Assert.Equal("21610", stored.ErrorCode);
    }

    [Fact]
    public async Task AProviderRefusalBecauseTheCustomerOptedOutIsRememberedForTheNextReply()
    {
        var sender = new ScriptedSender(new SendRejected("21610", "Attempt to send to unsubscribed recipient") { RecipientOptedOut = true });

        await SendThroughWorkerAsync(sender, expectedStatus: DeliveryStatus.Failed);

        var optOut = await new OptOuts(_store.Connections).FindAsync(ChannelKind.Sms, "+15555550123", CancellationToken.None);
        Assert.NotNull(optOut);
        Assert.Equal("STOP", optOut.Keyword);
    }

    [Fact]
    public async Task AnOrdinaryRefusalDoesNotOptTheCustomerOut()
    {
        var sender = new ScriptedSender(new SendRejected("21211", "Invalid To"));

        await SendThroughWorkerAsync(sender, expectedStatus: DeliveryStatus.Failed);

        Assert.Null(await new OptOuts(_store.Connections).FindAsync(ChannelKind.Sms, "+15555550123", CancellationToken.None));
    }

    private async Task<InteractionStatusChanged> SendThroughWorkerAsync(ScriptedSender sender, string expectedStatus)
    {
        var events = new RecordingBus();
        var signal = new OutboxSignal();
        using var worker = new OutboxWorker(_outbox, signal, [sender], events, new OptOuts(_store.Connections), _store.Time, NullLogger<OutboxWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        await _outbox.QueueReplyAsync(_conversationId, ChannelKind.Sms, "Your parcel ships today.", [], 1, CancellationToken.None);
        signal.Wake();
        try
        {
            return await events.WaitForAsync(e => e is InteractionStatusChanged s && s.Status == expectedStatus).WaitAsync(Inbound.Timeout);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Answers each attempt with the next scripted result: the provider's behaviour, not the worker's, is faked.</summary>
    private sealed class ScriptedSender(params SendResult[] results) : IChannelSender
    {
        private int _attempts;

        public int Attempts => _attempts;

        public ChannelKind Channel => ChannelKind.Sms;

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            return Task.FromResult(results[Math.Min(attempt, results.Length) - 1]);
        }
    }
}
