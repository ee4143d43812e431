using ContactHub.Core.Events;
using ContactHub.Core.Outbound;
using ContactHub.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactHub.Core.Services;

/// <summary>Sends queued replies through their channel's sender, retrying transient failures with backoff.</summary>
public sealed partial class OutboxWorker(
    Outbox outbox,
    OutboxSignal signal,
    IEnumerable<IChannelSender> senders,
    IHubEventBus events,
    OptOuts optOuts,
    TimeProvider time,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 6;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interrupted = await outbox.InterruptAbandonedClaimsAsync(stoppingToken);
        if (interrupted > 0)
        {
            LogInterrupted(interrupted);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (message, attempt) in await outbox.ClaimDueAsync(32, stoppingToken))
                {
                    await SendOneAsync(message, attempt, stoppingToken);
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogCycleFailed(error);
            }
            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }

    private async Task SendOneAsync(OutboundMessage message, int attempt, CancellationToken cancellationToken)
    {
        var sender = senders.FirstOrDefault(s => s.Channel == message.Channel);
        SendResult result;
        if (sender is null)
        {
            result = new SendRejected("no-sender", $"No sender is configured for {message.Channel}.");
        }
        else
        {
            try
            {
                result = await sender.SendAsync(message, cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                result = new SendUncertain(error.Message);
            }
        }

        StatusApplied? applied = null;
        switch (result)
        {
            case SendAccepted accepted:
                applied = await outbox.RecordAcceptedAsync(message.InteractionId, accepted.ProviderId, accepted.Status, cancellationToken);
                break;
            case SendDeferred deferred when attempt < MaxAttempts:
                var delay = deferred.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
                LogDeferred(message.InteractionId, attempt, deferred.Reason);
                await outbox.RecordDeferredAsync(message.InteractionId, deferred.Reason, time.GetUtcNow() + delay, cancellationToken);
                break;
            case SendDeferred deferred:
                applied = await outbox.RecordFailedAsync(message.InteractionId, "retries-exhausted", deferred.Reason, cancellationToken);
                break;
            case SendUncertain uncertain:
                LogUncertain(message.InteractionId, uncertain.Reason);
                applied = await outbox.RecordInterruptedAsync(message.InteractionId, uncertain.Reason, cancellationToken);
                break;
            case SendRejected rejected:
                LogRejected(message.InteractionId, rejected.ErrorCode, rejected.Reason);
                var refused = await outbox.RecordFailedAsync(message.InteractionId, rejected.ErrorCode, rejected.Reason, cancellationToken);
                applied = refused;
                if (rejected.RecipientOptedOut)
                {
                    // The provider saw a STOP the hub did not (sent before the hub existed, or to another of our
                    // numbers), or the customer blocked the bot: remember it, so the console refuses the next reply up
                    // front instead of failing it.
                    await optOuts.RecordOptOutAsync(message.Channel, message.ToAddress, rejected.OptOutKeyword, time.GetUtcNow(), cancellationToken);
                    await events.PublishAsync(new ContactOptOutChanged(refused.ContactId));
                }
                break;
        }
        if (applied is not null)
        {
            await events.PublishAsync(new InteractionStatusChanged(applied.ContactId, applied.ConversationId, applied.InteractionId, applied.Status));
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{Count} outbound messages were mid-send when the hub stopped; marked interrupted, not resent")]
    private partial void LogInterrupted(int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Outbound {InteractionId} deferred after attempt {Attempt}: {Reason}")]
    private partial void LogDeferred(long interactionId, int attempt, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Outbound {InteractionId} rejected by the provider: {ErrorCode} {Reason}")]
    private partial void LogRejected(long interactionId, string errorCode, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Outbound {InteractionId} may or may not have reached the provider ({Reason}); not resent")]
    private partial void LogUncertain(long interactionId, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Outbox cycle failed")]
    private partial void LogCycleFailed(Exception error);
}
