using ContactHub.Core.Domain;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>A customer's standing request not to be messaged on a channel: which word they sent, and when.</summary>
public sealed record OptOut(ChannelKind Channel, string Address, string Keyword, DateTimeOffset OptedOutAt);

/// <summary>
/// Who has opted out of which channel. Checked before an agent's or the system's message is queued, and again from
/// the provider's own refusal (Twilio 21610), so the hub never keeps texting someone who said STOP.
/// </summary>
public sealed class OptOuts(StoreConnections connections)
{
    /// <summary>Recorded as the keyword when a Telegram user blocked the bot (the Bot API's 403): writing to the bot again clears it.</summary>
    public const string BlockedTheBot = "blocked the bot";

    public async Task RecordOptOutAsync(ChannelKind channel, string address, string keyword, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // The first STOP is the one that counts; a repeated STOP must not move the date the agent sees.
        await connection.ExecuteAsync(
            """
            INSERT INTO opt_outs (channel, address, keyword, opted_out_at) VALUES (@channel, @address, @keyword, @at)
            ON CONFLICT (channel, address) DO NOTHING
            """,
            new { channel = channel.ToWire(), address, keyword, at = at.ToUnixTimeMilliseconds() });
    }

    /// <returns>True when the address had opted out and is now back in.</returns>
    public async Task<bool> RecordOptInAsync(ChannelKind channel, string address, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "DELETE FROM opt_outs WHERE channel = @channel AND address = @address",
            new { channel = channel.ToWire(), address }) > 0;
    }

    public async Task<OptOut?> FindAsync(ChannelKind channel, string address, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Keyword, long OptedOutAt)?>(
            "SELECT keyword, opted_out_at FROM opt_outs WHERE channel = @channel AND address = @address",
            new { channel = channel.ToWire(), address });
        return row is { } found ? new OptOut(channel, address, found.Keyword, DateTimeOffset.FromUnixTimeMilliseconds(found.OptedOutAt)) : null;
    }

    /// <summary>The opt-out that blocks messaging this contact on the channel, through any of their addresses on it.</summary>
    public async Task<OptOut?> FindForContactAsync(long contactId, ChannelKind channel, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<(string Address, string Keyword, long OptedOutAt)?>(
            """
            SELECT o.address, o.keyword, o.opted_out_at FROM opt_outs o
            JOIN channel_identities i ON i.address = o.address AND i.namespace = @ns
            WHERE i.contact_id = @contactId AND o.channel = @channel
            ORDER BY o.opted_out_at
            LIMIT 1
            """,
            new { contactId, ns = channel.IdentityNamespace(), channel = channel.ToWire() });
        return row is { } found ? new OptOut(channel, found.Address, found.Keyword, DateTimeOffset.FromUnixTimeMilliseconds(found.OptedOutAt)) : null;
    }

    /// <summary>Every opt-out standing against one of the contact's addresses, with the identity namespace it applies to.</summary>
    public async Task<IReadOnlyList<(string Namespace, OptOut OptOut)>> ListForContactAsync(long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Namespace, string Channel, string Address, string Keyword, long OptedOutAt)>(
            """
            SELECT i.namespace, o.channel, o.address, o.keyword, o.opted_out_at FROM opt_outs o
            JOIN channel_identities i ON i.address = o.address
            WHERE i.contact_id = @contactId
            ORDER BY o.opted_out_at
            """,
            new { contactId });
        // An SMS opt-out is stored under "sms" but belongs to the "phone" identity: only pairs that fit count.
        return rows
            .Where(r => ChannelNames.TryParse(r.Channel, out var channel) && channel.IdentityNamespace() == r.Namespace)
            .Select(r => (r.Namespace, new OptOut(ChannelNames.Parse(r.Channel), r.Address, r.Keyword, DateTimeOffset.FromUnixTimeMilliseconds(r.OptedOutAt))))
            .ToList();
    }
}
