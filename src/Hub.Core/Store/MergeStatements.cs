using System.Data.Common;
using ContactHub.Core.Config;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>
/// The SQL of merging one contact into another and of suggesting merges, run inside the caller's transaction so an
/// append that proves two contacts are one person merges them in the same commit as the message that proved it.
/// </summary>
internal static class MergeStatements
{
    public const string SameName = "same-name";
    public const string SameTypedEmail = "same-typed-email";

    /// <summary>
    /// Moves everything <paramref name="mergedId"/> owns to <paramref name="survivorId"/> and leaves the merged row
    /// pointing at the survivor. Returns false when there was nothing to merge (same contact, or already merged).
    /// </summary>
    public static async Task<bool> MergeAsync(DbConnection connection, DbTransaction transaction, long survivorId, long mergedId, string decidedBy, long now)
    {
        if (survivorId == mergedId)
        {
            return false;
        }
        var merged = await connection.QuerySingleOrDefaultAsync<(long Id, long? MergedInto, string Attributes)?>(
            "SELECT id, merged_into, attributes_json FROM contacts WHERE id = @mergedId", new { mergedId }, transaction);
        var survivor = await connection.QuerySingleOrDefaultAsync<(long Id, long? MergedInto, string Attributes)?>(
            "SELECT id, merged_into, attributes_json FROM contacts WHERE id = @survivorId", new { survivorId }, transaction);
        if (merged is not { MergedInto: null } || survivor is not { MergedInto: null })
        {
            return false;
        }
        var ids = new { survivorId, mergedId, now };
        // Both may have an open conversation on one channel; the unique "one open per thread" index would refuse the
        // move, so the merged one keeps running under its own thread key until it is resolved.
        await connection.ExecuteAsync(
            """
            UPDATE conversations SET thread_key = thread_key || '#merged-' || CAST(id AS TEXT)
            WHERE contact_id = @mergedId AND state <> 'resolved' AND EXISTS (
                SELECT 1 FROM conversations s WHERE s.contact_id = @survivorId AND s.state <> 'resolved'
                AND s.channel = conversations.channel AND s.thread_key = conversations.thread_key)
            """, ids, transaction);
        // A contact first seen by phone is named by its number; a real name from the other side is better.
        await connection.ExecuteAsync(
            """
            UPDATE contacts SET display_name = (SELECT m.display_name FROM contacts m WHERE m.id = @mergedId)
            WHERE id = @survivorId
              AND display_name IN (SELECT address FROM channel_identities WHERE contact_id = @survivorId)
              AND (SELECT m.display_name FROM contacts m WHERE m.id = @mergedId) NOT IN (SELECT address FROM channel_identities WHERE contact_id = @mergedId)
            """, ids, transaction);
        await connection.ExecuteAsync("UPDATE conversations SET contact_id = @survivorId WHERE contact_id = @mergedId", ids, transaction);
        await connection.ExecuteAsync("UPDATE interactions SET contact_id = @survivorId WHERE contact_id = @mergedId", ids, transaction);
        await connection.ExecuteAsync("UPDATE channel_identities SET contact_id = @survivorId WHERE contact_id = @mergedId", ids, transaction);
        await connection.ExecuteAsync("UPDATE contacts SET merged_into = @survivorId WHERE id = @mergedId OR merged_into = @mergedId", ids, transaction);

        // The survivor's own attributes win; the merged contact fills the gaps.
        var attributes = new Dictionary<string, string>(ContactAttributeJson.Read(merged.Value.Attributes), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in ContactAttributeJson.Read(survivor.Value.Attributes))
        {
            attributes[key] = value;
        }
        await connection.ExecuteAsync(
            "UPDATE contacts SET attributes_json = @json WHERE id = @survivorId",
            new { json = ContactAttributeJson.Write(attributes), survivorId }, transaction);

        await connection.ExecuteAsync(
            """
            UPDATE contact_merge_suggestions SET state = 'merged', decided_by = @decidedBy, decided_at = @now
            WHERE state = 'open' AND ((contact_id = @survivorId AND candidate_id = @mergedId) OR (contact_id = @mergedId AND candidate_id = @survivorId))
            """, new { survivorId, mergedId, decidedBy, now }, transaction);
        // Suggestions that named the merged contact now concern the survivor.
        var others = await connection.QueryAsync<(long Other, string Reason)>(
            """
            SELECT CASE WHEN contact_id = @mergedId THEN candidate_id ELSE contact_id END, reason FROM contact_merge_suggestions
            WHERE state = 'open' AND (contact_id = @mergedId OR candidate_id = @mergedId)
            """, ids, transaction);
        await connection.ExecuteAsync(
            "DELETE FROM contact_merge_suggestions WHERE state = 'open' AND (contact_id = @mergedId OR candidate_id = @mergedId)", ids, transaction);
        foreach (var (other, reason) in others)
        {
            await SuggestAsync(connection, transaction, survivorId, other, reason, now);
        }
        return true;
    }

    /// <summary>Records that two contacts may be one person, unless that pair was already suggested or decided.</summary>
    public static async Task SuggestAsync(DbConnection connection, DbTransaction transaction, long contactId, long candidateId, string reason, long now)
    {
        if (contactId == candidateId)
        {
            return;
        }
        await connection.ExecuteAsync(
            """
            INSERT INTO contact_merge_suggestions (contact_id, candidate_id, reason, state, created_at)
            VALUES (@first, @second, @reason, 'open', @now)
            ON CONFLICT DO NOTHING
            """,
            new { first = Math.Min(contactId, candidateId), second = Math.Max(contactId, candidateId), reason, now }, transaction);
    }

    /// <summary>
    /// Links a phone number the provider vouches for to the contact. When another contact already owns the number they
    /// are one person: the younger contact merges into the older one. Returns the contact the message belongs to now and
    /// the contact merged away, if any.
    /// </summary>
    public static async Task<(long ContactId, long? MergedId)> LinkVerifiedPhoneAsync(DbConnection connection, DbTransaction transaction, long contactId, string phone, long now)
    {
        var identity = new { contactId, ns = "phone", address = phone, now };
        await connection.ExecuteAsync(
            "INSERT INTO channel_identities (contact_id, namespace, address, created_at) VALUES (@contactId, @ns, @address, @now) ON CONFLICT DO NOTHING",
            identity, transaction);
        var owner = await connection.QuerySingleAsync<long>(
            "SELECT contact_id FROM channel_identities WHERE namespace = @ns AND address = @address", identity, transaction);
        if (owner == contactId)
        {
            return (contactId, null);
        }
        var (survivor, merged) = (Math.Min(owner, contactId), Math.Max(owner, contactId));
        await MergeAsync(connection, transaction, survivor, merged, "verified-phone", now);
        return (survivor, merged);
    }

    /// <summary>
    /// Weak matches for a contact: another contact with the same full name, or one that owns the e-mail address the
    /// customer typed. Never merged automatically: a name is not unique and a typed address is not proof.
    /// </summary>
    public static async Task SuggestWeakMatchesAsync(DbConnection connection, DbTransaction transaction, long contactId, string? fullName, string? claimedEmail, long now)
    {
        if (IsDistinctiveName(fullName))
        {
            var namesakes = await connection.QueryAsync<long>(
                "SELECT id FROM contacts WHERE lower(display_name) = @name AND merged_into IS NULL AND id <> @contactId ORDER BY id LIMIT 5",
                new { name = fullName!.Trim().ToLowerInvariant(), contactId }, transaction);
            foreach (var namesake in namesakes)
            {
                await SuggestAsync(connection, transaction, contactId, namesake, SameName, now);
            }
        }
        if (claimedEmail is { Length: > 0 })
        {
            var owner = await connection.QuerySingleOrDefaultAsync<long?>(
                "SELECT contact_id FROM channel_identities WHERE namespace = 'email' AND address = @address",
                new { address = claimedEmail.Trim().ToLowerInvariant() }, transaction);
            if (owner is { } found && found != contactId)
            {
                await SuggestAsync(connection, transaction, contactId, found, SameTypedEmail, now);
            }
        }
    }

    /// <summary>A first and last name at least: "Anna" alone matches too many strangers to be worth an agent's time.</summary>
    private static bool IsDistinctiveName(string? name) =>
        name is { Length: >= 5 } && name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 && !name.Contains('@', StringComparison.Ordinal) && !name.TrimStart().StartsWith('+');
}
