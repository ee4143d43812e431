using ContactHub.Core.Domain;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>
/// Remembers when each customer address last got an automatic reply, in the store, so the limit holds across
/// restarts and nodes. A claim is one conditional upsert: two nodes racing on one address cannot both win.
/// </summary>
public sealed class AutomaticReplyLimits(StoreConnections connections, TimeProvider time)
{
    /// <returns>True when the address had no automatic reply within <paramref name="window"/>; the reply now counts as sent.</returns>
    public async Task<bool> TryClaimAsync(ChannelKind channel, string address, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(
            """
            INSERT INTO automatic_replies (namespace, address, last_sent_at) VALUES (@ns, @address, @now)
            ON CONFLICT (namespace, address) DO UPDATE SET last_sent_at = excluded.last_sent_at
            WHERE automatic_replies.last_sent_at <= @cutoff
            """,
            new { ns = channel.IdentityNamespace(), address, now, cutoff = now - (long)window.TotalMilliseconds });
        return claimed == 1;
    }
}
