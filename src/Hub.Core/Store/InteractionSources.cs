using Dapper;

namespace ContactHub.Core.Store;

/// <summary>Reads the original bytes kept for interactions (see <see cref="Stream.InboundInteraction.RawSource"/>).</summary>
public sealed class InteractionSources(StoreConnections connections)
{
    public async Task<byte[]?> GetAsync(long interactionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>("SELECT content FROM interaction_sources WHERE interaction_id = @interactionId", new { interactionId });
    }

    /// <summary>The source of the customer's newest message in a conversation: what a reply answers.</summary>
    public async Task<byte[]?> LatestInboundAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(
            """
            SELECT s.content FROM interactions i JOIN interaction_sources s ON s.interaction_id = i.id
            WHERE i.conversation_id = @conversationId AND i.direction = 'in'
            ORDER BY i.id DESC LIMIT 1
            """,
            new { conversationId });
    }
}
