using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Twilio;

/// <summary>Event ids 3100-3199 belong to the Twilio channel. No message here ever carries the auth token.</summary>
internal static partial class TwilioLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Rejected a Twilio webhook on {Path}: the X-Twilio-Signature is missing or does not match")]
    public static partial void SignatureRejected(ILogger logger, string path);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Rejected a Twilio webhook on {Path} with {StatusCode}: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string path, int statusCode, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Twilio message {MessageSid} accepted as interaction {InteractionId} (duplicate: {IsDuplicate})")]
    public static partial void InboundAccepted(ILogger logger, string messageSid, long interactionId, bool isDuplicate);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Debug, Message = "Twilio status {Status} for {MessageSid} applied: {Applied}")]
    public static partial void StatusCallback(ILogger logger, string messageSid, string status, bool applied);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Twilio accepted outbound interaction {InteractionId} as {MessageSid} ({Status})")]
    public static partial void SendAccepted(ILogger logger, long interactionId, string messageSid, string status);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "Twilio deferred outbound interaction {InteractionId}: {Reason}")]
    public static partial void SendDeferred(ILogger logger, long interactionId, string reason);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Twilio rejected outbound interaction {InteractionId} with error {ErrorCode}: {Reason}")]
    public static partial void SendRejected(ILogger logger, long interactionId, string errorCode, string reason);

    [LoggerMessage(EventId = 3130, Level = LogLevel.Warning, Message = "Could not read who is logged in for queue {Queue}; call {CallSid} waits in the queue")]
    public static partial void StaffingUnknown(ILogger logger, string queue, string callSid, Exception error);

    [LoggerMessage(EventId = 3131, Level = LogLevel.Information, Message = "Call {CallSid} sent to voicemail: {Reason}")]
    public static partial void VoicemailOffered(ILogger logger, string callSid, string reason);

    [LoggerMessage(EventId = 3133, Level = LogLevel.Warning, Message = "Fetching recording {RecordingSid} from Twilio failed with {StatusCode}")]
    public static partial void RecordingFetchFailed(ILogger logger, string recordingSid, int statusCode);
}
