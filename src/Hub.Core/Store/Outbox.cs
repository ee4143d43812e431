using System.Data.Common;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using Dapper;

namespace ContactHub.Core.Store;

public sealed record StatusApplied(long InteractionId, long ConversationId, long ContactId, string Status);

/// <summary>
/// Outbound messages are stored before they are sent and claimed before each attempt, so a reply is
/// never lost and never sent twice.
/// </summary>
public sealed class Outbox(StoreConnections connections, TimeProvider time)
{
    /// <param name="files">Stored in interaction_files in the same transaction; the caller has checked them against the limits.</param>
    public async Task<Interaction> QueueReplyAsync(long conversationId, ChannelKind channel, string? text, IReadOnlyList<FileContent> files, long? authorAgentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var contactId = await connection.QuerySingleAsync<long>("SELECT contact_id FROM conversations WHERE id = @conversationId", new { conversationId }, transaction);
        var row = await connection.QuerySingleAsync<InteractionRow>(
            $"""
            INSERT INTO interactions (conversation_id, contact_id, channel, direction, text, status, status_rank, author_agent_id, created_at, updated_at)
            VALUES (@conversationId, @contactId, @channel, 'out', @text, @status, 0, @authorAgentId, @now, @now)
            RETURNING {Columns.Interaction}
            """,
            new
            {
                conversationId,
                contactId,
                channel = channel.ToWire(),
                text,
                status = DeliveryStatus.Pending,
                authorAgentId,
                now,
            },
            transaction);
        var attachments = files.Count == 0 ? [] : await FileStatements.StoreAsync(connection, transaction, row.Id, files, [], limits: null);
        await connection.ExecuteAsync(
            "INSERT INTO outbox (interaction_id, state, attempts, next_attempt_at) VALUES (@id, 'pending', 0, @now)",
            new { id = row.Id, now },
            transaction);
        await connection.ExecuteAsync(
            "UPDATE conversations SET state = 'pending', last_activity_at = @now WHERE id = @conversationId AND state = 'open'",
            new { conversationId, now },
            transaction);
        await transaction.CommitAsync(cancellationToken);
        return row.ToInteraction() with { Attachments = attachments };
    }

    /// <summary>Claims due messages for one attempt each. The state check in the UPDATE keeps two workers from claiming one row.</summary>
    public async Task<IReadOnlyList<(OutboundMessage Message, int Attempt)>> ClaimDueAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var claimed = (await connection.QueryAsync<(long Id, int Attempts)>(
            """
            UPDATE outbox SET state = 'sending', attempts = attempts + 1
            WHERE state = 'pending' AND interaction_id IN
                (SELECT interaction_id FROM outbox WHERE state = 'pending' AND next_attempt_at <= @now ORDER BY next_attempt_at LIMIT @limit)
            RETURNING interaction_id, attempts
            """,
            new { now, limit })).ToList();
        var result = new List<(OutboundMessage, int)>();
        foreach (var (id, attempts) in claimed)
        {
            var row = await connection.QuerySingleAsync<InteractionRow>($"SELECT {Columns.Interaction} FROM interactions WHERE id = @id", new { id });
            var interaction = row.ToInteraction();
            var address = await connection.QuerySingleOrDefaultAsync<string>(
                "SELECT address FROM channel_identities WHERE contact_id = @contactId AND namespace = @ns ORDER BY id LIMIT 1",
                new { contactId = interaction.ContactId, ns = interaction.Channel.IdentityNamespace() });
            result.Add((new OutboundMessage(id, interaction.ConversationId, interaction.Channel, address ?? "", interaction.Text, interaction.Attachments) { AuthorAgentId = interaction.AuthorAgentId }, attempts));
        }
        return result;
    }

    public async Task<StatusApplied> RecordAcceptedAsync(long interactionId, string providerId, string status, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A status callback can beat the API response; keep whichever status is further along.
        var applied = await connection.QuerySingleAsync<StatusApplied>(
            """
            UPDATE interactions SET external_id = @providerId,
                status = CASE WHEN status_rank < @rank THEN @status ELSE status END,
                status_rank = CASE WHEN status_rank < @rank THEN @rank ELSE status_rank END,
                updated_at = @now
            WHERE id = @interactionId
            RETURNING id AS interactionid, conversation_id AS conversationid, contact_id AS contactid, status
            """,
            new { interactionId, providerId, status, rank = DeliveryStatus.Rank(status), now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            transaction);
        await connection.ExecuteAsync("UPDATE outbox SET state = 'done', last_error = NULL WHERE interaction_id = @interactionId", new { interactionId }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    public async Task RecordDeferredAsync(long interactionId, string reason, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET state = 'pending', next_attempt_at = @next, last_error = @reason WHERE interaction_id = @interactionId",
            new { interactionId, reason, next = nextAttemptAt.ToUnixTimeMilliseconds() });
    }

    public Task<StatusApplied> RecordFailedAsync(long interactionId, string errorCode, string reason, CancellationToken cancellationToken) =>
        RecordFinalAsync(interactionId, DeliveryStatus.Failed, errorCode, reason, cancellationToken);

    /// <summary>The send's outcome is unknown; the message is not retried and the agent is told.</summary>
    public Task<StatusApplied> RecordInterruptedAsync(long interactionId, string reason, CancellationToken cancellationToken) =>
        RecordFinalAsync(interactionId, DeliveryStatus.Interrupted, null, reason, cancellationToken);

    private async Task<StatusApplied> RecordFinalAsync(long interactionId, string status, string? errorCode, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = await connection.QuerySingleAsync<StatusApplied>(
            """
            UPDATE interactions SET status = @status, status_rank = @rank, error_code = @errorCode, error_reason = @reason, updated_at = @now
            WHERE id = @interactionId
            RETURNING id AS interactionid, conversation_id AS conversationid, contact_id AS contactid, status
            """,
            new { interactionId, errorCode, reason, status, rank = DeliveryStatus.Rank(status), now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            transaction);
        await connection.ExecuteAsync("UPDATE outbox SET state = 'failed', last_error = @reason WHERE interaction_id = @interactionId", new { interactionId, reason }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>
    /// A message claimed by a process that died may or may not have reached the provider. Sending it
    /// again could duplicate it, so it is marked interrupted for the agent to check instead.
    /// </summary>
    public async Task<int> InterruptAbandonedClaimsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>("SELECT interaction_id FROM outbox WHERE state = 'sending'", transaction: transaction)).ToList();
        foreach (var interactionId in ids)
        {
            await connection.ExecuteAsync(
                "UPDATE interactions SET status = @status, status_rank = @rank WHERE id = @interactionId AND status_rank < @rank",
                new { interactionId, status = DeliveryStatus.Interrupted, rank = DeliveryStatus.Rank(DeliveryStatus.Interrupted) },
                transaction);
            await connection.ExecuteAsync("UPDATE outbox SET state = 'failed', last_error = 'interrupted by a restart' WHERE interaction_id = @interactionId", new { interactionId }, transaction);
        }
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    /// <summary>
    /// Receipts from a channel that is its own provider (the web chat: the visitor's widget says what arrived and what
    /// they read): moves the customer's replies up to <paramref name="upToId"/> forward to <paramref name="status"/>.
    /// A reply still being handed over counts, since the receipt can beat the sender's own record of the hand-over;
    /// that record keeps the further status. Replies that failed, or never left the outbox, are left alone.
    /// </summary>
    public async Task<IReadOnlyList<StatusApplied>> ApplyReceiptAsync(long contactId, ChannelKind channel, long upToId, string status, CancellationToken cancellationToken)
    {
        var rank = DeliveryStatus.Rank(status);
        if (rank < 0)
        {
            return [];
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var applied = await connection.QueryAsync<StatusApplied>(
            """
            UPDATE interactions SET status = @status, status_rank = @rank, updated_at = @now
            WHERE contact_id = @contactId AND channel = @channel AND direction = 'out' AND id <= @upToId AND status_rank < @rank
              AND status NOT IN (@failed, @interrupted)
              AND (status_rank >= 1 OR EXISTS (SELECT 1 FROM outbox o WHERE o.interaction_id = interactions.id AND o.state = 'sending'))
            RETURNING id AS interactionid, conversation_id AS conversationid, contact_id AS contactid, status
            """,
            new
            {
                contactId,
                channel = channel.ToWire(),
                upToId,
                status,
                rank,
                failed = DeliveryStatus.Failed,
                interrupted = DeliveryStatus.Interrupted,
                now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            });
        return [.. applied];
    }

    /// <summary>Applies a provider status callback; returns null when the message is unknown or the status would move it backwards.</summary>
    public async Task<StatusApplied?> ApplyStatusAsync(ChannelKind channel, string providerId, string status, string? errorCode, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ApplyStatusAsync(connection, null, channel, providerId, status, errorCode, errorReason: null, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// The one forward-only status update of a sent message, shared by provider callbacks and delivery reports
    /// (e-mail bounces): a code or reason given replaces the old one, a missing one keeps it.
    /// </summary>
    internal static async Task<StatusApplied?> ApplyStatusAsync(
        DbConnection connection, DbTransaction? transaction, ChannelKind channel, string providerId, string status, string? errorCode, string? errorReason, long now)
    {
        var rank = DeliveryStatus.Rank(status);
        if (rank < 0)
        {
            return null;
        }
        return await connection.QuerySingleOrDefaultAsync<StatusApplied>(
            """
            UPDATE interactions SET status = @status, status_rank = @rank, error_code = COALESCE(@errorCode, error_code),
                error_reason = COALESCE(@errorReason, error_reason), updated_at = @now
            WHERE channel = @channel AND external_id = @providerId AND direction = 'out' AND status_rank < @rank
            RETURNING id AS interactionid, conversation_id AS conversationid, contact_id AS contactid, status
            """,
            new { channel = channel.ToWire(), providerId, status, rank, errorCode, errorReason, now },
            transaction);
    }
}
