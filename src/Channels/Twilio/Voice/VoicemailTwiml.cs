using ContactHub.Core;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>What a caller sent to voicemail hears: why, the prompt, the beep and the recording.</summary>
public static class VoicemailTwiml
{
    /// <param name="reason">Said first: the out-of-hours message, or that nobody can answer now.</param>
    public static Twiml Offer(string reason, TwilioVoiceOptions voice, HubOptions hub)
    {
        var twiml = new Twiml();
        if (!string.IsNullOrWhiteSpace(reason))
        {
            twiml.Say(reason, voice.Language);
        }
        // Twilio reaches the verbs after <Record> only when nothing was recorded: it then skips the action URL.
        return twiml.Say(voice.VoicemailPrompt, voice.Language)
            .Record(
                hub.PublicUrl(VoiceWebhookPaths.RecordAction),
                hub.PublicUrl(VoiceWebhookPaths.RecordingStatus),
                voice.VoicemailMaxLengthSeconds,
                voice.TranscribeVoicemail ? hub.PublicUrl(VoiceWebhookPaths.Transcription) : null)
            .Say(voice.VoicemailNothingRecorded, voice.Language)
            .Hangup();
    }
}
