namespace ContactHub.Channels.Twilio.Voice;

/// <summary>Bound from <c>Twilio:Voice</c>: what callers hear. The account and token are shared with SMS (<see cref="TwilioOptions"/>).</summary>
public sealed class TwilioVoiceOptions
{
    public const string Section = "Twilio:Voice";

    public string Greeting { get; set; } = "Thank you for calling. Please hold and the next available agent will be with you.";

    /// <summary>Played between position announcements; Twilio fetches it, so it must be a public URL.</summary>
    public string HoldMusicUrl { get; set; } = "http://com.twilio.sounds.music.s3.amazonaws.com/MARKOVICHAMP-Borghestral.mp3";

    /// <summary>BCP 47 language of the spoken prompts (Twilio's &lt;Say language&gt;).</summary>
    public string Language { get; set; } = "en-US";

    /// <summary>Agent id -> E.164 number for agents who take calls on a phone rather than in the browser.</summary>
    public Dictionary<string, string> AgentNumbers { get; set; } = [];

    /// <summary>How long an agent's phone rings before the caller goes back to the queue.</summary>
    public int AgentRingSeconds { get; set; } = 20;

    /// <summary>Said to a caller whose queue is closed when it has no out-of-hours message of its own; voicemail follows.</summary>
    public string ClosedMessage { get; set; } = "We are closed right now.";

    /// <summary>Said before the voicemail prompt when nobody is logged in, or the caller waited past the queue's maximum.</summary>
    public string UnavailableMessage { get; set; } = "We are sorry, nobody can take your call right now.";

    /// <summary>Said to a caller sent to voicemail: out of hours, nobody logged in, or waited past the queue's maximum.</summary>
    public string VoicemailPrompt { get; set; } = "Please leave your name, number and message after the beep, then press the pound key. We will call you back.";

    /// <summary>Said before hanging up once the message is recorded.</summary>
    public string VoicemailThanks { get; set; } = "Thank you, we have your message. Goodbye.";

    /// <summary>Said when the caller recorded nothing (Twilio then skips the action URL and plays what follows the Record).</summary>
    public string VoicemailNothingRecorded { get; set; } = "We did not receive a message. Goodbye.";

    /// <summary>The longest message a caller can leave, in seconds (Twilio's &lt;Record maxLength&gt;).</summary>
    public int VoicemailMaxLengthSeconds { get; set; } = 120;

    /// <summary>Ask Twilio for a transcription of each voicemail (charged; Twilio transcribes messages up to two minutes).</summary>
    public bool TranscribeVoicemail { get; set; }
}
