using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Outbound;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Twilio;

/// <summary>
/// Delivery status callbacks for messages we sent. They arrive out of order; the outbox only moves a message
/// forward, so a late "sent" after "delivered" is acknowledged and ignored.
/// </summary>
public static class TwilioStatusWebhook
{
    public const string Path = TwilioSmsSender.StatusCallbackPath;

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TwilioWebhookGuard guard,
        Outbox outbox,
        IHubEventBus events,
        ILogger<TwilioWebhookGuard> logger,
        CancellationToken cancellationToken)
    {
        var (form, rejection) = await guard.ReadVerifiedFormAsync(request, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }
        var messageSid = form.Fields.GetValueOrDefault("MessageSid");
        var status = form.Fields.GetValueOrDefault("MessageStatus");
        if (string.IsNullOrWhiteSpace(messageSid) || string.IsNullOrWhiteSpace(status))
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, "MessageSid and MessageStatus are required.");
        }
        if (messageSid.Length > TwilioSmsMapper.MaxSidLength)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, $"MessageSid is longer than {TwilioSmsMapper.MaxSidLength} characters.");
        }
        if (!DeliveryStatus.IsKnown(status))
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, $"MessageStatus '{(status.Length > 40 ? status[..40] : status)}' is not a known Twilio message status.");
        }
        var errorCode = form.Fields.GetValueOrDefault("ErrorCode");
        var applied = await outbox.ApplyStatusAsync(ChannelKind.Sms, messageSid, status, string.IsNullOrWhiteSpace(errorCode) ? null : errorCode, cancellationToken);
        if (applied is not null)
        {
            await events.PublishAsync(new InteractionStatusChanged(applied.ContactId, applied.ConversationId, applied.InteractionId, applied.Status));
        }
        TwilioLog.StatusCallback(logger, messageSid, status, applied is not null);
        return TypedResults.NoContent();
    }
}
