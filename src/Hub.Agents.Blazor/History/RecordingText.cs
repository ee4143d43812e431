using ContactHub.Agents.Blazor.Shared;
using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.History;

/// <summary>A call recording in words and as the player's address: "Voicemail · 23s", "Call recording · 3:07".</summary>
public static class RecordingText
{
    public static string Label(CallRecording recording)
    {
        var what = recording.Source switch
        {
            RecordingSources.Voicemail => "Voicemail",
            RecordingSources.ConnectedCall => "Call recording",
            // Only a transcription has been reported so far, and only voicemails are transcribed.
            null => "Voicemail",
            _ => "Recording",
        };
        return recording.Status switch
        {
            RecordingStatuses.Completed when recording.DurationSeconds is { } seconds => $"{what} · {DurationText.Format(seconds)}",
            RecordingStatuses.Completed => what,
            RecordingStatuses.InProgress => $"{what} · recording…",
            RecordingStatuses.Absent => $"{what} · nothing recorded (too short or silent)",
            "failed" => $"{what} · the recording failed",
            _ => $"{what} · being processed",
        };
    }

    /// <summary>"voicemail", "call" or "other", for the DOM contract's data-kind.</summary>
    public static string Kind(CallRecording recording) => recording.Source switch
    {
        RecordingSources.Voicemail or null => "voicemail",
        RecordingSources.ConnectedCall => "call",
        _ => "other",
    };

    /// <summary>The hub's proxy, relative to the console's base address; the provider's own URL needs credentials.</summary>
    public static string AudioUrl(CallRecording recording) => "api/calls/recordings/" + Uri.EscapeDataString(recording.RecordingSid);

    /// <summary>The transcription to show, or null when there is none (yet, or it failed, or it is empty).</summary>
    public static string? Transcription(CallRecording recording) =>
        recording.TranscriptionStatus == RecordingStatuses.Completed && !string.IsNullOrWhiteSpace(recording.TranscriptionText)
            ? recording.TranscriptionText.Trim()
            : null;
}
