using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Twilio posts here when the caller's voicemail ends (the pound key, the maximum length, silence, or a hang-up). A
/// recorded message makes the call a voicemail for an agent to return, never an abandoned call; the recording itself
/// arrives on the recording-status callback once Twilio has processed it.
/// </summary>
public static class RecordActionWebhook
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TwilioWebhookGuard guard,
        CallLog calls,
        IOptions<TwilioVoiceOptions> voiceOptions,
        CancellationToken cancellationToken)
    {
        var (verified, rejection) = await guard.ReadVerifiedCallAsync(request, cancellationToken);
        if (verified is null)
        {
            return rejection!;
        }
        var (form, callSid) = verified;
        if (await calls.FindAsync(callSid, cancellationToken) is null)
        {
            return guard.Reject(request, StatusCodes.Status404NotFound, $"No call {callSid} is known here.");
        }
        var voice = voiceOptions.Value;
        var recorded = !string.IsNullOrWhiteSpace(form.Fields.GetValueOrDefault("RecordingUrl")) && VoiceForm.Seconds(form, "RecordingDuration") is not 0;
        if (!recorded)
        {
            return IncomingCallWebhook.Answer(new Twiml().Say(voice.VoicemailNothingRecorded, voice.Language).Hangup());
        }
        await calls.MarkVoicemailLeftAsync(callSid, cancellationToken);
        return IncomingCallWebhook.Answer(new Twiml().Say(voice.VoicemailThanks, voice.Language).Hangup());
    }
}
