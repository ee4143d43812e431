using ContactHub.Core.Store;
using Dapper;

namespace ContactHub.Core.Config;

/// <summary>
/// Customer attributes (vip=true, language=de) that routing rules match on. A contact created by its first
/// message has none, so attribute rules apply from the customer's next conversation on.
/// </summary>
public sealed class ContactAttributes(StoreConnections connections)
{
    /// <returns>The attributes, or null when the contact does not exist.</returns>
    public async Task<IReadOnlyDictionary<string, string>?> GetAsync(long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string?>("SELECT attributes_json FROM contacts WHERE id = @contactId", new { contactId });
        return json is null ? null : ContactAttributeJson.Read(json);
    }

    /// <summary>Replaces every attribute of the contact; keys are stored lower-case.</summary>
    /// <returns>False when the contact does not exist.</returns>
    public async Task<bool> SetAsync(long contactId, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        var normalized = attributes.ToDictionary(a => a.Key.Trim().ToLowerInvariant(), a => a.Value.Trim());
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            "UPDATE contacts SET attributes_json = @json WHERE id = @contactId",
            new { contactId, json = ContactAttributeJson.Write(normalized) });
        return changed == 1;
    }
}
