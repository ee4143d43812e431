namespace ContactHub.Core.Services;

/// <summary>Where the hub gets a call recording's audio: the provider keeps it and wants the account's credentials.</summary>
public interface IRecordingAudioSource
{
    /// <summary>Opens the audio of a completed recording. The caller disposes the result.</summary>
    Task<RecordingAudio> OpenAsync(string recordingSid, CancellationToken cancellationToken);
}

public enum RecordingAudioOutcome
{
    Found,

    /// <summary>The provider has no such recording (deleted, or never made).</summary>
    NotFound,

    /// <summary>The provider refused, failed or could not be reached; <see cref="RecordingAudio.Reason"/> says which.</summary>
    Failed,
}

/// <summary>An open recording, or why there is none. Disposing it releases the provider connection.</summary>
public sealed class RecordingAudio(RecordingAudioOutcome outcome, System.IO.Stream? content, string? contentType, long? length, string? reason, IDisposable? owner = null) : IDisposable
{
    public RecordingAudioOutcome Outcome { get; } = outcome;

    public System.IO.Stream? Content { get; } = content;

    public string? ContentType { get; } = contentType;

    public long? Length { get; } = length;

    public string? Reason { get; } = reason;

    public static RecordingAudio NotFound() => new(RecordingAudioOutcome.NotFound, null, null, null, "The provider has no such recording.");

    public static RecordingAudio Failed(string reason) => new(RecordingAudioOutcome.Failed, null, null, null, reason);

    public void Dispose()
    {
        Content?.Dispose();
        owner?.Dispose();
    }
}
