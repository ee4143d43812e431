using System.Text.Json;

namespace ContactHub.Channels.Tests.Fixtures;

/// <summary>Real provider payloads copied from ../shared/fixtures.</summary>
public static class Fixture
{
    public static JsonElement Load(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>A webhook fixture's "params" object as the ordered pairs a form reader yields.</summary>
    public static List<KeyValuePair<string, string>> Params(JsonElement fixture) =>
        fixture.GetProperty("params").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();

    public static Dictionary<string, string> Fields(JsonElement fixture) =>
        Params(fixture).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
