using ContactHub.Core.Events;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Twilio's transcription of a voicemail (the Record verb's transcribeCallback): the text joins the recording on the
/// timeline. It may arrive before the recording's own callback; a completed text is never replaced by a late retry.
/// </summary>
public static class TranscriptionWebhook
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
        var status = VoiceForm.Short(form, "TranscriptionStatus");
        if (status is not ("completed" or "failed"))
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, "TranscriptionStatus must be completed or failed.");
        }
        var call = await calls.FindAsync(callSid, cancellationToken);
        if (call is null)
        {
            return guard.Reject(request, StatusCodes.Status404NotFound, $"No call {callSid} is known here.");
        }
        var text = status == "completed" ? form.Fields.GetValueOrDefault("TranscriptionText")?.Trim() : null;
        if (await recordings.ApplyTranscriptionAsync(recordingSid, callSid, status, text, cancellationToken))
        {
            await events.PublishAsync(new InteractionStatusChanged(call.ContactId, call.ConversationId, call.InteractionId, call.Status));
        }
        return TypedResults.NoContent();
    }
}
