using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Progress of the leg that rings the agent. Its "answered" is the moment the customer is talking to someone: the
/// call shows in progress. The leg belongs to the caller's call through ParentCallSid.
/// </summary>
public static class AgentLegStatusWebhook
{
    public static async Task<IResult> HandleAsync(HttpRequest request, TwilioWebhookGuard guard, CallLog calls, IHubEventBus events, CancellationToken cancellationToken)
    {
        var (form, rejection) = await guard.ReadVerifiedFormAsync(request, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }
        var parent = form.Fields.GetValueOrDefault("ParentCallSid");
        if (string.IsNullOrWhiteSpace(parent) || parent.Length > TwilioSmsMapper.MaxSidLength)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, "ParentCallSid is required: this URL only takes the agent's leg of a call.");
        }
        if (form.Fields.GetValueOrDefault("CallStatus") is not (CallStatus.InProgress or "answered"))
        {
            return TypedResults.NoContent();
        }
        var before = await calls.FindAsync(parent, cancellationToken);
        if (before is null)
        {
            return guard.Reject(request, StatusCodes.Status404NotFound, $"No call {parent} is known here.");
        }
        var after = await calls.ApplyStatusAsync(parent, CallStatus.InProgress, VoiceForm.Seconds(form, "SequenceNumber"), cancellationToken);
        if (after is not null && after.Status != before.Status)
        {
            await events.PublishAsync(new InteractionStatusChanged(after.ContactId, after.ConversationId, after.InteractionId, after.Status));
        }
        return TypedResults.NoContent();
    }
}
