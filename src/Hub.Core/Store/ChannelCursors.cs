using Dapper;

namespace ContactHub.Core.Store;

/// <summary>Durable progress markers of channel feeds, keyed by feed (one row per mailbox, bot, ...).</summary>
public sealed class ChannelCursors(StoreConnections connections, TimeProvider time)
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>("SELECT value FROM channel_cursors WHERE cursor_key = @key", new { key });
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO channel_cursors (cursor_key, value, updated_at) VALUES (@key, @value, @now)
            ON CONFLICT (cursor_key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            new { key, value, now = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }
}
