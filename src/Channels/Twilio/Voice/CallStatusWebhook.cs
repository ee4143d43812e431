using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Call progress callbacks of the caller's leg (ringing, completed, busy, no-answer...): they arrive out of order, so
/// the call only moves forward. A call that ends while nobody has taken it closes its conversation as abandoned.
/// </summary>
public static class CallStatusWebhook
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TwilioWebhookGuard guard,
        CallLog calls,
        CallAbandonment abandonment,
        IHubEventBus events,
        CancellationToken cancellationToken)
    {
        var (verified, rejection) = await guard.ReadVerifiedCallAsync(request, cancellationToken);
        if (verified is null)
        {
            return rejection!;
        }
        var (form, callSid) = verified;
        var status = form.Fields.GetValueOrDefault("CallStatus") ?? "";
        if (CallStatus.Rank(status) < 0)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, $"CallStatus '{(status.Length > 40 ? status[..40] : status)}' is not a known Twilio call status.");
        }
        var before = await calls.FindAsync(callSid, cancellationToken);
        if (before is null)
        {
            return guard.Reject(request, StatusCodes.Status404NotFound, $"No call {callSid} is known here.");
        }
        if (status == CallStatus.InProgress)
        {
            // The caller's leg is "in progress" as soon as Twilio runs our TwiML, long before anyone talks to them;
            // the call is in progress for the timeline when the agent's leg answers (AgentLegStatusWebhook).
            return TypedResults.NoContent();
        }
        var after = await calls.ApplyStatusAsync(callSid, status, VoiceForm.Seconds(form, "SequenceNumber"), cancellationToken);
        if (after is not null && after.Status != before.Status)
        {
            await events.PublishAsync(new InteractionStatusChanged(after.ContactId, after.ConversationId, after.InteractionId, after.Status));
        }
        if (after is not null && CallStatus.IsFinal(after.Status))
        {
            await abandonment.CloseIfUnansweredAsync(after, "caller hung up", cancellationToken);
        }
        return TypedResults.NoContent();
    }
}
