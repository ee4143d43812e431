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

    /// <summary>Said before hanging up on a caller whose queue is closed when it has no out-of-hours message of its own.</summary>
    public string ClosedMessage { get; set; } = "We are closed right now. Please call again during our opening hours. Goodbye.";
}
