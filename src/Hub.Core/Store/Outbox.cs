using System.Data.Common;
using System.Text.Json;
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
    public Task<Interaction> QueueReplyAsync(long conversationId, ChannelKind channel, string? text, IReadOnlyList<FileContent> files, long? authorAgentId, CancellationToken cancellationToken) =>
        QueueReplyAsync(conversationId, channel, text, files, authorAgentId, template: null, cancellationToken);

    /// <param name="template">An approved template to send instead of free text; <paramref name="text"/> is then its rendered body.</param>
    public async Task<Interaction> QueueReplyAsync(
        long conversationId, ChannelKind channel, string? text, IReadOnlyList<FileContent> files, long? authorAgentId, TemplateMessage? template, CancellationToken cancellationToken)
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
        if (template is not null)
        {
            await connection.ExecuteAsync(
                "INSERT INTO outbound_templates (interaction_id, name, language, parameters_json) VALUES (@id, @name, @language, @parameters)",
                new { id = row.Id, name = template.Name, language = template.Language, parameters = JsonSerializer.Serialize(template.Parameters) },
                transaction);
        }
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
            var address = await RecipientAsync(connection, interaction);
            var template = await connection.QuerySingleOrDefaultAsync<TemplateRow>(
                "SELECT name, language, parameters_json AS parameters FROM outbound_templates WHERE interaction_id = @id", new { id });
            result.Add((new OutboundMessage(id, interaction.ConversationId, interaction.Channel, address ?? "", interaction.Text, interaction.Attachments)
            {
                AuthorAgentId = interaction.AuthorAgentId,
                Template = template?.ToTemplate(),
            }, attempts));
        }
        return result;
    }

    /// <summary>
    /// Where a reply goes: the address the customer wrote from in this conversation when the reply travels in the same
    /// address space (a merged contact may own several numbers), otherwise the contact's first address there.
    /// </summary>
    private static async Task<string?> RecipientAsync(System.Data.Common.DbConnection connection, Interaction interaction)
    {
        var ns = interaction.Channel.IdentityNamespace();
        var conversation = await connection.QuerySingleAsync<(string Channel, string? CustomerAddress)>(
            "SELECT channel, customer_address FROM conversations WHERE id = @id", new { id = interaction.ConversationId });
        if (conversation.CustomerAddress is { Length: > 0 } written && ChannelNames.Parse(conversation.Channel).IdentityNamespace() == ns)
        {
            return written;
        }
        return await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT address FROM channel_identities WHERE contact_id = @contactId AND namespace = @ns ORDER BY id LIMIT 1",
            new { contactId = interaction.ContactId, ns });
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
        var channel = await connection.QuerySingleAsync<string>("SELECT channel FROM interactions WHERE id = @interactionId", new { interactionId }, transaction);
        await transaction.CommitAsync(cancellationToken);
        // Read after the commit, so a callback that stored an early status while we wrote is seen here or sees us.
        var early = await ApplyEarlyStatusAsync(connection, ChannelNames.Parse(channel), providerId, time.GetUtcNow().ToUnixTimeMilliseconds());
        return early ?? applied;
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

    /// <summary>
    /// A provider's status callback; null when the status would move the message backwards or the message is not
    /// known yet. One about a message whose provider id is not recorded yet (the callback beat the send's API
    /// response) is kept and applied when <see cref="RecordAcceptedAsync"/> records the id.
    /// </summary>
    public Task<StatusApplied?> ApplyStatusAsync(ChannelKind channel, string providerId, string status, string? errorCode, CancellationToken cancellationToken) =>
        ApplyStatusAsync(channel, providerId, status, errorCode, errorReason: null, cancellationToken);

    /// <param name="errorReason">The provider's words for a failure (WhatsApp sends a title and details), shown to the agent.</param>
    public async Task<StatusApplied?> ApplyStatusAsync(ChannelKind channel, string providerId, string status, string? errorCode, string? errorReason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var applied = await ApplyStatusAsync(connection, null, channel, providerId, status, errorCode, errorReason, now);
        if (applied is not null || DeliveryStatus.Rank(status) < 0)
        {
            return applied;
        }
        if (await IsRecordedAsync(connection, channel, providerId))
        {
            // Ours and already further along: a late status, rightly ignored.
            return null;
        }
        await connection.ExecuteAsync("DELETE FROM early_statuses WHERE received_at < @cutoff", new { cutoff = now - (long)EarlyStatusLifetime.TotalMilliseconds });
        await connection.ExecuteAsync(
            """
            INSERT INTO early_statuses (channel, provider_id, status, status_rank, error_code, error_reason, received_at)
            VALUES (@channel, @providerId, @status, @rank, @errorCode, @errorReason, @now)
            ON CONFLICT (channel, provider_id) DO UPDATE SET status = excluded.status, status_rank = excluded.status_rank,
                error_code = COALESCE(excluded.error_code, early_statuses.error_code),
                error_reason = COALESCE(excluded.error_reason, early_statuses.error_reason), received_at = excluded.received_at
            WHERE excluded.status_rank > early_statuses.status_rank
            """,
            new { channel = channel.ToWire(), providerId, status, rank = DeliveryStatus.Rank(status), errorCode, errorReason, now });
        // The send may have recorded the id between our update and our insert, and read no early status then: each
        // side writes first and reads second, so at least one of them sees the other.
        return await ApplyEarlyStatusAsync(connection, channel, providerId, now);
    }

    /// <summary>How long a status for an unknown provider id is kept: a status for someone else's message never matches.</summary>
    public static readonly TimeSpan EarlyStatusLifetime = TimeSpan.FromDays(1);

    private static async Task<bool> IsRecordedAsync(DbConnection connection, ChannelKind channel, string providerId) =>
        await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM interactions WHERE channel = @channel AND external_id = @providerId AND direction = 'out'",
            new { channel = channel.ToWire(), providerId }) is not null;

    private static async Task<StatusApplied?> ApplyEarlyStatusAsync(DbConnection connection, ChannelKind channel, string providerId, long now)
    {
        var early = await connection.QuerySingleOrDefaultAsync<(string Status, string? ErrorCode, string? ErrorReason)?>(
            "SELECT status, error_code, error_reason FROM early_statuses WHERE channel = @channel AND provider_id = @providerId",
            new { channel = channel.ToWire(), providerId });
        if (early is not { } found)
        {
            return null;
        }
        if (!await IsRecordedAsync(connection, channel, providerId))
        {
            return null;
        }
        var applied = await ApplyStatusAsync(connection, null, channel, providerId, found.Status, found.ErrorCode, found.ErrorReason, now);
        await connection.ExecuteAsync("DELETE FROM early_statuses WHERE channel = @channel AND provider_id = @providerId", new { channel = channel.ToWire(), providerId });
        return applied;
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

    private sealed class TemplateRow
    {
        public string Name { get; set; } = "";
        public string Language { get; set; } = "";
        public string Parameters { get; set; } = "[]";

        public TemplateMessage ToTemplate() => new(Name, Language, JsonSerializer.Deserialize<List<string>>(Parameters) ?? []);
    }
}
