using ContactHub.Core.Domain;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>An address a customer typed about themselves: unverified, so it never joins them to another contact.</summary>
public sealed record TypedAddress(long ContactId, string Namespace, string Address, string Source, DateTimeOffset CreatedAt);

/// <summary>
/// Addresses customers typed into forms (a web chat's e-mail field). Kept beside the contact, apart from the channel
/// identities that decide who a message belongs to, so typing someone else's address links nothing; merge suggestions
/// read them and an agent decides.
/// </summary>
public sealed class TypedAddresses(StoreConnections connections, TimeProvider time)
{
    /// <param name="source">Where it was typed, e.g. "webchat-prechat".</param>
    public async Task RecordAsync(long contactId, ChannelKind channel, string address, string source, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO typed_addresses (contact_id, namespace, address, source, created_at) VALUES (@contactId, @ns, @address, @source, @now)
            ON CONFLICT (contact_id, namespace, address) DO NOTHING
            """,
            new { contactId, ns = channel.IdentityNamespace(), address, source, now = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    public async Task<IReadOnlyList<TypedAddress>> ForContactAsync(long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long ContactId, string Namespace, string Address, string Source, long CreatedAt)>(
            "SELECT contact_id, namespace, address, source, created_at FROM typed_addresses WHERE contact_id = @contactId ORDER BY id",
            new { contactId });
        return [.. rows.Select(r => new TypedAddress(r.ContactId, r.Namespace, r.Address, r.Source, Clock.FromUnixMs(r.CreatedAt)))];
    }
}
