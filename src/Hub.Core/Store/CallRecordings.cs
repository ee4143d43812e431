using ContactHub.Core.Domain;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>What the provider reported about one recording of a call.</summary>
/// <param name="Status">in-progress, completed or absent (see <see cref="RecordingStatuses"/>).</param>
/// <param name="ProviderUrl">The provider's address of the audio, kept for the record; the hub never fetches a URL from a callback.</param>
public sealed record RecordingReport(string RecordingSid, string CallSid, string? Source, string Status, int? DurationSeconds, string? ProviderUrl);

/// <summary>
/// Recordings beside their call's interaction: voicemails and recorded conversations. Every write is keyed on the
/// provider's recording id and only moves forward, because callbacks are retried and arrive in any order (a
/// transcription may even come before the recording's own callback).
/// </summary>
public sealed class CallRecordings(StoreConnections connections, TimeProvider time)
{
    /// <summary>Longer transcriptions are cut: Twilio transcribes at most two minutes, so this is only a bound on hostile input.</summary>
    public const int MaxTranscriptionLength = 8000;

    private const string Columns =
        "recording_sid AS recordingsid, call_sid AS callsid, interaction_id AS interactionid, source, status, duration_seconds AS durationseconds, transcription_status AS transcriptionstatus, transcription_text AS transcriptiontext";

    /// <returns>True when the report changed what the hub knows (false for a retry or a late, older status).</returns>
    public async Task<bool> ApplyStatusAsync(RecordingReport report, CancellationToken cancellationToken)
    {
        var rank = RecordingStatuses.Rank(report.Status);
        if (rank < 0)
        {
            return false;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteScalarAsync<string?>(
            """
            INSERT INTO call_recordings (recording_sid, call_sid, interaction_id, source, status, status_rank, duration_seconds, provider_url, created_at, updated_at)
            SELECT @RecordingSid, call_sid, interaction_id, @Source, @Status, @rank, @DurationSeconds, @ProviderUrl, @now, @now FROM calls WHERE call_sid = @CallSid
            ON CONFLICT (recording_sid) DO UPDATE SET
                source = COALESCE(call_recordings.source, excluded.source),
                status = excluded.status,
                status_rank = excluded.status_rank,
                duration_seconds = COALESCE(excluded.duration_seconds, call_recordings.duration_seconds),
                provider_url = COALESCE(excluded.provider_url, call_recordings.provider_url),
                updated_at = excluded.updated_at
            WHERE call_recordings.status_rank < excluded.status_rank
            RETURNING recording_sid
            """,
            new { report.RecordingSid, report.CallSid, report.Source, report.Status, rank, report.DurationSeconds, report.ProviderUrl, now = Now() });
        return changed is not null;
    }

    /// <summary>
    /// Adds the transcription of a recording. A completed transcription is final: a late "failed" retry never
    /// replaces its text.
    /// </summary>
    /// <returns>True when the transcription was new or replaced a failed one.</returns>
    public async Task<bool> ApplyTranscriptionAsync(string recordingSid, string callSid, string status, string? text, CancellationToken cancellationToken)
    {
        if (text is { Length: > MaxTranscriptionLength })
        {
            text = text[..MaxTranscriptionLength];
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteScalarAsync<string?>(
            """
            INSERT INTO call_recordings (recording_sid, call_sid, interaction_id, status_rank, transcription_status, transcription_text, created_at, updated_at)
            SELECT @recordingSid, call_sid, interaction_id, 0, @status, @text, @now, @now FROM calls WHERE call_sid = @callSid
            ON CONFLICT (recording_sid) DO UPDATE SET
                transcription_status = excluded.transcription_status,
                transcription_text = excluded.transcription_text,
                updated_at = excluded.updated_at
            WHERE call_recordings.transcription_status IS NULL OR call_recordings.transcription_status <> @completed
            RETURNING recording_sid
            """,
            new { recordingSid, callSid, status, text, completed = RecordingStatuses.Completed, now = Now() });
        return changed is not null;
    }

    public async Task<CallRecording?> FindAsync(string recordingSid, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RecordingRow>($"SELECT {Columns} FROM call_recordings WHERE recording_sid = @recordingSid", new { recordingSid });
        return row?.ToRecording();
    }

    /// <summary>The recordings of one call interaction, oldest first.</summary>
    public async Task<IReadOnlyList<CallRecording>> ForInteractionAsync(long interactionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecordingRow>(
            $"SELECT {Columns} FROM call_recordings WHERE interaction_id = @interactionId ORDER BY created_at, recording_sid", new { interactionId });
        return rows.Select(r => r.ToRecording()).ToList();
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class RecordingRow
    {
        public string RecordingSid { get; set; } = "";
        public string CallSid { get; set; } = "";
        public long InteractionId { get; set; }
        public string? Source { get; set; }
        public string? Status { get; set; }
        public long? DurationSeconds { get; set; }
        public string? TranscriptionStatus { get; set; }
        public string? TranscriptionText { get; set; }

        public CallRecording ToRecording() =>
            new(RecordingSid, CallSid, InteractionId, Source, Status, (int?)DurationSeconds, TranscriptionStatus, TranscriptionText);
    }
}
