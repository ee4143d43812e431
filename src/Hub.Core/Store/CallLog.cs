using ContactHub.Core.Domain;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>
/// The lifecycle of phone calls next to their interactions. Every write is idempotent or forward-only, because the
/// provider retries webhooks and delivers status callbacks out of order.
/// </summary>
public sealed class CallLog(StoreConnections connections, TimeProvider time)
{
    private const string Columns =
        "call_sid AS callsid, interaction_id AS interactionid, conversation_id AS conversationid, (SELECT contact_id FROM conversations c WHERE c.id = calls.conversation_id) AS contactid, status, queue_result AS queueresult, queue_seconds AS queueseconds, talk_seconds AS talkseconds, started_at AS startedat, ended_at AS endedat, voicemail";

    public async Task OpenAsync(string callSid, long interactionId, long conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO calls (call_sid, interaction_id, conversation_id, status, status_rank, last_sequence, started_at)
            VALUES (@callSid, @interactionId, @conversationId, @status, @rank, -1, @now)
            ON CONFLICT (call_sid) DO NOTHING
            """,
            new { callSid, interactionId, conversationId, status = CallStatus.Ringing, rank = CallStatus.Rank(CallStatus.Ringing), now = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    /// <summary>The caller entered the hold queue: the interaction shows "queued" until an agent or the caller ends it.</summary>
    public Task<CallRecord?> MarkQueuedAsync(string callSid, CancellationToken cancellationToken) =>
        ApplyStatusAsync(callSid, CallStatus.Queued, sequence: null, cancellationToken);

    /// <summary>How the wait in the hold queue ended (Twilio's QueueResult: bridged, hangup, leave...). The first answer counts.</summary>
    public async Task<CallRecord?> RecordQueueResultAsync(string callSid, string queueResult, int queueSeconds, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE calls SET queue_result = @queueResult, queue_seconds = @queueSeconds WHERE call_sid = @callSid AND queue_result IS NULL",
            new { callSid, queueResult, queueSeconds });
        return await FindAsync(connection, callSid);
    }

    /// <summary>The caller is sent to voicemail (out of hours, nobody logged in, or waited too long). Idempotent.</summary>
    public async Task<CallRecord?> OfferVoicemailAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE calls SET voicemail = @offered WHERE call_sid = @callSid AND voicemail IS NULL",
            new { callSid, offered = VoicemailState.Offered });
        return await FindAsync(connection, callSid);
    }

    /// <summary>A message was recorded: from now on the call is a task waiting for a call back, never abandoned.</summary>
    public async Task<CallRecord?> MarkVoicemailLeftAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE calls SET voicemail = @left WHERE call_sid = @callSid", new { callSid, left = VoicemailState.Left });
        return await FindAsync(connection, callSid);
    }

    /// <summary>
    /// Applies a status callback if it moves the call forward: a higher rank, or for the same rank a higher provider
    /// sequence number. Keeps the interaction's status in step so the timeline shows it.
    /// </summary>
    /// <returns>The call after the update, or null when the call is unknown.</returns>
    public async Task<CallRecord?> ApplyStatusAsync(string callSid, string status, int? sequence, CancellationToken cancellationToken)
    {
        var rank = CallStatus.Rank(status);
        if (rank < 0)
        {
            return await FindAsync(callSid, cancellationToken);
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var interactionId = await connection.QuerySingleOrDefaultAsync<long?>(
            """
            UPDATE calls SET status = @status, status_rank = @rank, last_sequence = @sequence,
                ended_at = CASE WHEN @rank = 4 THEN @now ELSE ended_at END
            WHERE call_sid = @callSid AND (status_rank < @rank OR (status_rank = @rank AND last_sequence < @sequence AND status = @status))
            RETURNING interaction_id
            """,
            new { callSid, status, rank, sequence = sequence ?? -1, now },
            transaction);
        if (interactionId is { } id)
        {
            await connection.ExecuteAsync(
                "UPDATE interactions SET status = @status, updated_at = @now WHERE id = @id",
                new { status, now, id },
                transaction);
        }
        await transaction.CommitAsync(cancellationToken);
        return await FindAsync(connection, callSid);
    }

    /// <summary>The queue the call's conversation was routed to; null for an unknown call.</summary>
    public async Task<string?> QueueOfAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT c.queue FROM calls JOIN conversations c ON c.id = calls.conversation_id WHERE calls.call_sid = @callSid", new { callSid });
    }

    public async Task<CallRecord?> FindAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await FindAsync(connection, callSid);
    }

    /// <summary>The call a conversation was opened for (one call per conversation).</summary>
    public async Task<CallRecord?> ForConversationAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<CallRow>($"SELECT {Columns} FROM calls WHERE conversation_id = @conversationId ORDER BY started_at", new { conversationId });
        return row?.ToRecord();
    }

    /// <summary>How long the caller and the agent talked (Twilio's DialCallDuration), for the call's record and AHT reports.</summary>
    public async Task<CallRecord?> RecordTalkAsync(string callSid, int talkSeconds, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE calls SET talk_seconds = @talkSeconds WHERE call_sid = @callSid", new { callSid, talkSeconds });
        return await FindAsync(connection, callSid);
    }

    public async Task<CallRecord?> ForInteractionAsync(long interactionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CallRow>($"SELECT {Columns} FROM calls WHERE interaction_id = @interactionId", new { interactionId });
        return row?.ToRecord();
    }

    private static async Task<CallRecord?> FindAsync(System.Data.Common.DbConnection connection, string callSid)
    {
        var row = await connection.QuerySingleOrDefaultAsync<CallRow>($"SELECT {Columns} FROM calls WHERE call_sid = @callSid", new { callSid });
        return row?.ToRecord();
    }

    private sealed class CallRow
    {
        public string CallSid { get; set; } = "";
        public long InteractionId { get; set; }
        public long ConversationId { get; set; }
        public long ContactId { get; set; }
        public string Status { get; set; } = "";
        public string? QueueResult { get; set; }
        public long? QueueSeconds { get; set; }
        public long? TalkSeconds { get; set; }
        public long StartedAt { get; set; }
        public long? EndedAt { get; set; }
        public string? Voicemail { get; set; }

        public CallRecord ToRecord() => new(
            CallSid,
            InteractionId,
            ConversationId,
            ContactId,
            Status,
            QueueResult,
            (int?)QueueSeconds,
            (int?)TalkSeconds,
            DateTimeOffset.FromUnixTimeMilliseconds(StartedAt),
            EndedAt is { } ended ? DateTimeOffset.FromUnixTimeMilliseconds(ended) : null)
        {
            Voicemail = Voicemail,
        };
    }
}
