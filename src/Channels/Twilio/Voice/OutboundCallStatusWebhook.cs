using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Progress of the customer's leg of a click-to-call (ringing, in progress, completed, busy, no-answer). The leg is a
/// child of the call the outbox placed, so its ParentCallSid names the outbound interaction; out-of-order safe.
/// </summary>
public static class OutboundCallStatusWebhook
{
    public static async Task<IResult> HandleAsync(HttpRequest request, TwilioWebhookGuard guard, Outbox outbox, IHubEventBus events, CancellationToken cancellationToken)
    {
        var (form, rejection) = await guard.ReadVerifiedFormAsync(request, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }
        var parent = form.Fields.GetValueOrDefault("ParentCallSid");
        if (string.IsNullOrWhiteSpace(parent) || parent.Length > TwilioSmsMapper.MaxSidLength)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, "ParentCallSid is required: this URL only takes the customer's leg of a placed call.");
        }
        var status = form.Fields.GetValueOrDefault("CallStatus") ?? "";
        if (CallStatus.Rank(status) < 0)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, $"CallStatus '{(status.Length > 40 ? status[..40] : status)}' is not a known Twilio call status.");
        }
        var applied = await outbox.ApplyStatusAsync(ChannelKind.Voice, parent, status, errorCode: null, cancellationToken);
        if (applied is not null)
        {
            await events.PublishAsync(new InteractionStatusChanged(applied.ContactId, applied.ConversationId, applied.InteractionId, applied.Status));
        }
        return TypedResults.NoContent();
    }
}
