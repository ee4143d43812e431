using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// A recording's lifecycle (in-progress, completed, absent) for a voicemail (RecordingSource=RecordVerb) or a recorded
/// conversation (DialVerb): attached to the call's interaction, keyed on RecordingSid so retries and late callbacks
/// change nothing, and announced so open timelines show the player.
/// </summary>
public static class RecordingStatusWebhook
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TwilioWebhookGuard guard,
        CallLog calls,
        CallRecordings recordings,
        IHubEventBus events,
        CancellationToken cancellationToken)
    {
        var (verified, rejection) = await guard.ReadVerifiedCallAsync(request, cancellationToken);
        if (verified is null)
        {
            return rejection!;
        }
        var (form, callSid) = verified;
        var (recordingSid, recordingError) = VoiceForm.Sid(form, "RecordingSid", "RE");
        if (recordingSid is null)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, recordingError!);
        }
        var status = VoiceForm.Short(form, "RecordingStatus");
        if (RecordingStatuses.Rank(status) < 0)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, "RecordingStatus must be in-progress, completed or absent.");
        }
        if (await calls.FindAsync(callSid, cancellationToken) is null)
        {
            return guard.Reject(request, StatusCodes.Status404NotFound, $"No call {callSid} is known here.");
        }
        var source = VoiceForm.Short(form, "RecordingSource");
        var url = form.Fields.GetValueOrDefault("RecordingUrl") is { Length: > 0 and <= 500 } link ? link : null;
        var report = new RecordingReport(recordingSid, callSid, source, status!, VoiceForm.Seconds(form, "RecordingDuration"), url);
        var changed = await recordings.ApplyStatusAsync(report, cancellationToken);
        var call = source == RecordingSources.Voicemail && status == RecordingStatuses.Completed
            // Also set by the Record action; here too in case that request was lost, since a message exists.
            ? await calls.MarkVoicemailLeftAsync(callSid, cancellationToken)
            : await calls.FindAsync(callSid, cancellationToken);
        if (changed && call is not null)
        {
            await events.PublishAsync(new InteractionStatusChanged(call.ContactId, call.ConversationId, call.InteractionId, call.Status));
        }
        return TypedResults.NoContent();
    }
}
