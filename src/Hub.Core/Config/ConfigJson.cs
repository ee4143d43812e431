using System.Text.Json;
using ContactHub.Core.Store;

namespace ContactHub.Core.Config;

/// <summary>The JSON columns of the routing configuration, read leniently (null or empty means "none").</summary>
internal static class ConfigJson
{
    public static T Read<T>(string? json, T empty) =>
        string.IsNullOrWhiteSpace(json) ? empty : JsonSerializer.Deserialize<T>(json, StoreJson.Options) ?? empty;

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, StoreJson.Options);

    public static Dictionary<string, int> Skills(string? json) =>
        new(Read(json, new Dictionary<string, int>()), StringComparer.OrdinalIgnoreCase);
}
