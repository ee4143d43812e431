using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.WhatsApp;

/// <summary>Event ids 3300-3399 belong to the WhatsApp channel. No message here ever carries the token or the app secret.</summary>
internal static partial class WhatsAppLog
{
    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Rejected a WhatsApp webhook: the X-Hub-Signature-256 is missing or does not match")]
    public static partial void SignatureRejected(ILogger logger);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Rejected a WhatsApp webhook with {StatusCode}: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "Refused a WhatsApp verification handshake: wrong mode or verify token")]
    public static partial void VerificationRejected(ILogger logger);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Debug, Message = "WhatsApp message {MessageId} accepted as interaction {InteractionId} (duplicate: {IsDuplicate})")]
    public static partial void InboundAccepted(ILogger logger, string messageId, long interactionId, bool isDuplicate);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Debug, Message = "WhatsApp status {Status} for {MessageId} applied: {Applied}")]
    public static partial void StatusApplied(ILogger logger, string messageId, string status, bool applied);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Warning, Message = "WhatsApp media for {MessageId} could not be fetched: {Reason}")]
    public static partial void MediaFailed(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Debug, Message = "WhatsApp status {Status} for {MessageId} is not one the hub tracks; ignored")]
    public static partial void StatusIgnored(ILogger logger, string messageId, string status);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Information, Message = "WhatsApp accepted outbound interaction {InteractionId} as {MessageId}")]
    public static partial void SendAccepted(ILogger logger, long interactionId, string messageId);

    [LoggerMessage(EventId = 3311, Level = LogLevel.Warning, Message = "WhatsApp deferred outbound interaction {InteractionId}: {Reason}")]
    public static partial void SendDeferred(ILogger logger, long interactionId, string reason);

    [LoggerMessage(EventId = 3312, Level = LogLevel.Warning, Message = "WhatsApp rejected outbound interaction {InteractionId} with error {ErrorCode}: {Reason}")]
    public static partial void SendRejected(ILogger logger, long interactionId, string errorCode, string reason);

    [LoggerMessage(EventId = 3313, Level = LogLevel.Debug, Message = "Marking WhatsApp message {MessageId} read failed: {Reason}")]
    public static partial void MarkReadFailed(ILogger logger, string messageId, string reason);
}
