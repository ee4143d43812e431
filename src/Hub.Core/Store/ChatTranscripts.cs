using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>
/// What a live-chat customer (a web chat visitor) may read back about themselves: their own messages and the replies
/// their channel already handed over, never a reply still in the outbox or one that failed, and never another channel.
/// </summary>
public sealed class ChatTranscripts(StoreConnections connections)
{
    public const int MaxTranscript = 200;

    /// <summary>The contact that owns the address on the channel, or null when the address never wrote.</summary>
    public async Task<long?> ContactOfAsync(ChannelKind channel, string address, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT contact_id FROM channel_identities WHERE namespace = @ns AND address = @address",
            new { ns = channel.IdentityNamespace(), address });
    }

    /// <summary>The last <see cref="MaxTranscript"/> messages on the channel after <paramref name="afterId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Interaction>> TranscriptAsync(long contactId, ChannelKind channel, long afterId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InteractionRow>(
            $"""
            SELECT {Columns.Interaction} FROM interactions
            WHERE contact_id = @contactId AND channel = @channel AND id > @afterId
              AND (direction = 'in' OR (status_rank >= 1 AND status NOT IN (@failed, @interrupted)))
            ORDER BY id DESC
            LIMIT @limit
            """,
            new { contactId, channel = channel.ToWire(), afterId, failed = DeliveryStatus.Failed, interrupted = DeliveryStatus.Interrupted, limit = MaxTranscript });
        return [.. rows.Reverse().Select(r => r.ToInteraction())];
    }

    /// <summary>The customer's conversation on the channel that is not resolved, if any (chat channels keep at most one).</summary>
    public async Task<long?> OpenConversationAsync(long contactId, ChannelKind channel, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM conversations WHERE contact_id = @contactId AND channel = @channel AND state <> 'resolved' ORDER BY id DESC LIMIT 1",
            new { contactId, channel = channel.ToWire() });
    }
}
