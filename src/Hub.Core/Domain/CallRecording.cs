namespace ContactHub.Core.Domain;

/// <summary>A recording of a call: the caller's voicemail or a recorded conversation with an agent.</summary>
/// <param name="RecordingSid">The provider's id; the hub serves the audio at <c>/api/calls/recordings/{RecordingSid}</c>.</param>
/// <param name="Source">Where the provider made it: <see cref="RecordingSources.Voicemail"/>, <see cref="RecordingSources.ConnectedCall"/>, or another provider value.</param>
/// <param name="Status">in-progress, completed or absent; null while only a transcription has been reported.</param>
public sealed record CallRecording(
    string RecordingSid,
    string CallSid,
    long InteractionId,
    string? Source,
    string? Status,
    int? DurationSeconds,
    string? TranscriptionStatus,
    string? TranscriptionText)
{
    public bool IsVoicemail => Source == RecordingSources.Voicemail;

    /// <summary>The audio exists and can be played.</summary>
    public bool IsPlayable => Status == RecordingStatuses.Completed;
}

/// <summary>Twilio's RecordingSource values the hub tells apart.</summary>
public static class RecordingSources
{
    /// <summary>The &lt;Record&gt; verb: a voicemail.</summary>
    public const string Voicemail = "RecordVerb";

    /// <summary>A recording of a &lt;Dial&gt;: the conversation with the agent.</summary>
    public const string ConnectedCall = "DialVerb";
}

/// <summary>A recording's lifecycle. Callbacks arrive out of order, so a status only replaces one of lower rank.</summary>
public static class RecordingStatuses
{
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
    public const string Absent = "absent";

    /// <summary>-1 for a status the hub does not know.</summary>
    public static int Rank(string? status) => status switch
    {
        InProgress => 1,
        Completed or Absent or "failed" => 2,
        _ => -1,
    };
}
