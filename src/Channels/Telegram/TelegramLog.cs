using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Telegram;

/// <summary>Event ids 3400-3499 belong to the Telegram channel. No message here ever carries the bot token, the secret or a URL.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Rejected a Telegram webhook: the X-Telegram-Bot-Api-Secret-Token is missing or does not match")]
    public static partial void SecretRejected(ILogger logger);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Rejected a Telegram webhook with {StatusCode}: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Debug, Message = "Telegram message {ExternalId} accepted as interaction {InteractionId} (duplicate: {IsDuplicate})")]
    public static partial void InboundAccepted(ILogger logger, string externalId, long interactionId, bool isDuplicate);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Debug, Message = "Telegram update {UpdateId} ignored: {Reason}")]
    public static partial void UpdateIgnored(ILogger logger, long updateId, string reason);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Debug, Message = "Telegram edit of {ExternalId} matched interaction {InteractionId} (applied: {Applied})")]
    public static partial void EditApplied(ILogger logger, string externalId, long interactionId, bool applied);

    [LoggerMessage(EventId = 3406, Level = LogLevel.Warning, Message = "Telegram update {UpdateId} could not be handled now and will come again: {Reason}")]
    public static partial void UpdateDeferred(ILogger logger, long updateId, string reason);

    [LoggerMessage(EventId = 3410, Level = LogLevel.Information, Message = "Telegram: receiving updates by long polling getUpdates (no https Hub:PublicBaseUrl or no Telegram:WebhookSecret)")]
    public static partial void Polling(ILogger logger);

    [LoggerMessage(EventId = 3411, Level = LogLevel.Warning, Message = "Telegram getUpdates failed ({Outcome}): {Reason}; trying again in {Delay}")]
    public static partial void PollFailed(ILogger logger, TelegramCallOutcome outcome, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 3412, Level = LogLevel.Warning, Message = "Telegram update {UpdateId} is malformed and skipped: {Reason}")]
    public static partial void UpdateSkipped(ILogger logger, long updateId, string reason);

    [LoggerMessage(EventId = 3413, Level = LogLevel.Warning, Message = "A Telegram webhook is set although the hub long-polls; removing it so getUpdates works")]
    public static partial void RemovingWebhook(ILogger logger);

    [LoggerMessage(EventId = 3414, Level = LogLevel.Information, Message = "Telegram webhook set to {Url}")]
    public static partial void WebhookSet(ILogger logger, string url);

    [LoggerMessage(EventId = 3415, Level = LogLevel.Warning, Message = "Setting the Telegram webhook failed ({Outcome}): {Reason}; trying again in {Delay}")]
    public static partial void WebhookSetFailed(ILogger logger, TelegramCallOutcome outcome, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 3420, Level = LogLevel.Information, Message = "Telegram accepted outbound interaction {InteractionId} as {MessageId}")]
    public static partial void SendAccepted(ILogger logger, long interactionId, string messageId);

    [LoggerMessage(EventId = 3421, Level = LogLevel.Warning, Message = "Telegram deferred outbound interaction {InteractionId}: {Reason}")]
    public static partial void SendDeferred(ILogger logger, long interactionId, string reason);

    [LoggerMessage(EventId = 3422, Level = LogLevel.Warning, Message = "Telegram rejected outbound interaction {InteractionId} with {ErrorCode}: {Reason}")]
    public static partial void SendRejected(ILogger logger, long interactionId, string errorCode, string reason);
}
