using System.Text.Json;
using ContactHub.Core.Store;

namespace ContactHub.Core.Config;

/// <summary>contacts.attributes_json as a case-insensitive map, so rules match "VIP" and "vip" alike.</summary>
internal static class ContactAttributeJson
{
    public static IReadOnlyDictionary<string, string> Read(string? json)
    {
        var values = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json, StoreJson.Options);
        return new Dictionary<string, string>(values ?? [], StringComparer.OrdinalIgnoreCase);
    }

    public static string Write(IReadOnlyDictionary<string, string> attributes) =>
        JsonSerializer.Serialize(attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value), StoreJson.Options);
}
