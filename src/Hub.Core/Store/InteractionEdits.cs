using ContactHub.Core.Domain;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>An inbound interaction a customer's edit was matched to; <see cref="Applied"/> is false when a newer edit is already stored.</summary>
public sealed record EditedInteraction(long ContactId, long ConversationId, long InteractionId, bool Applied);

/// <summary>
/// Customers' edits of messages they already sent (Telegram's edited_message): the stored text is replaced and the
/// edit time kept, so the console can say "edited". Edits are matched on the provider's message id, like appends.
/// </summary>
public sealed class InteractionEdits(StoreConnections connections, TimeProvider time)
{
    /// <returns>The edited interaction, or null when no inbound message with that external id is stored.</returns>
    public async Task<EditedInteraction?> ApplyAsync(ChannelKind channel, string externalId, string? text, DateTimeOffset editedAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<(long Id, long ContactId, long ConversationId)?>(
            "SELECT id, contact_id, conversation_id FROM interactions WHERE channel = @channel AND external_id = @externalId AND direction = 'in'",
            new { channel = channel.ToWire(), externalId });
        if (found is not { } row)
        {
            return null;
        }
        // Providers retry, and a retried older edit must not undo a newer one: only a later (or equal) edit wins.
        var changed = await connection.ExecuteAsync(
            """
            UPDATE interactions SET text = @text, edited_at = @editedAt, updated_at = @now
            WHERE id = @id AND (edited_at IS NULL OR edited_at <= @editedAt)
            """,
            new { id = row.Id, text, editedAt = Clock.ToUnixMs(editedAt), now = Clock.ToUnixMs(time.GetUtcNow()) });
        return new EditedInteraction(row.ContactId, row.ConversationId, row.Id, changed > 0);
    }
}
