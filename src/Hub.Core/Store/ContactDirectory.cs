using ContactHub.Core.Domain;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>Reads contacts and their one timeline across every channel and conversation.</summary>
public sealed class ContactDirectory(StoreConnections connections)
{
    public const int MaxTimelinePage = 1000;

    public async Task<IReadOnlyList<Contact>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var text = query.Trim();
        if (text.Length == 0)
        {
            return [];
        }
        // A phone typed in any format matches the stored E.164 digits.
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var phonePattern = digits.Length >= 4 ? "%" + digits + "%" : null;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(
            """
            SELECT c.id FROM contacts c
            WHERE c.merged_into IS NULL AND (lower(c.display_name) LIKE @pattern
               OR EXISTS (SELECT 1 FROM channel_identities i WHERE i.contact_id = c.id
                          AND (lower(i.address) LIKE @pattern OR (i.namespace = 'phone' AND @phonePattern IS NOT NULL AND i.address LIKE @phonePattern))))
            ORDER BY c.id
            LIMIT @limit
            """,
            new { pattern = "%" + EscapeLike(text.ToLowerInvariant()) + "%", phonePattern, limit });
        var contacts = new List<Contact>();
        foreach (var id in ids)
        {
            contacts.Add((await LoadAsync(connection, id))!);
        }
        return contacts;
    }

    /// <summary>The contact, or the one it was merged into: an old link to a merged contact still finds the customer.</summary>
    public async Task<Contact?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var survivor = await connection.QuerySingleOrDefaultAsync<long?>("SELECT merged_into FROM contacts WHERE id = @id", new { id });
        return await LoadAsync(connection, survivor ?? id);
    }

    /// <summary>One page of the contact's timeline, oldest first; <paramref name="beforeId"/> pages back in time.</summary>
    public async Task<IReadOnlyList<Interaction>> TimelineAsync(long contactId, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InteractionRow>(
            $"""
            SELECT {Columns.Interaction} FROM interactions
            WHERE contact_id = @contactId AND (@beforeId IS NULL OR id < @beforeId)
            ORDER BY id DESC
            LIMIT @limit
            """,
            new { contactId, beforeId, limit = Math.Clamp(limit, 1, MaxTimelinePage) });
        return rows.Reverse().Select(r => r.ToInteraction()).ToList();
    }

    private static async Task<Contact?> LoadAsync(System.Data.Common.DbConnection connection, long id)
    {
        var contact = await connection.QuerySingleOrDefaultAsync<(long Id, string DisplayName, long CreatedAt)?>(
            "SELECT id, display_name, created_at FROM contacts WHERE id = @id", new { id });
        if (contact is not { } found)
        {
            return null;
        }
        var identities = await connection.QueryAsync<(string Namespace, string Address)>(
            "SELECT namespace, address FROM channel_identities WHERE contact_id = @id ORDER BY id", new { id });
        return new Contact(found.Id, found.DisplayName, identities.Select(i => new ChannelIdentity(i.Namespace, i.Address)).ToList(), Clock.FromUnixMs(found.CreatedAt));
    }

    private static string EscapeLike(string value) => value.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
}
