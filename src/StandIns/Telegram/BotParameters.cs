using System.Globalization;
using System.Text.Json;

namespace ContactHub.StandIns.Telegram;

/// <summary>
/// A Bot API call's parameters, which Telegram accepts as a query string, a form, multipart/form-data (uploads) or a
/// JSON body, merged into one view.
/// </summary>
public sealed class BotParameters
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IFormFile> files = new(StringComparer.Ordinal);

    /// <returns>The parameters, or null when the body claims to be JSON but is not.</returns>
    public static async Task<BotParameters?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new BotParameters();
        foreach (var (key, value) in request.Query)
        {
            parameters.values[key] = value.ToString();
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters.values[key] = value.ToString();
            }
            foreach (var file in form.Files)
            {
                parameters.files[file.Name] = file;
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    parameters.values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return parameters;
    }

    public string? Text(string name) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public IFormFile? File(string name) => files.GetValueOrDefault(name);

    /// <returns>False when the parameter is present but not a whole number.</returns>
    public bool TryLong(string name, out long? value)
    {
        value = null;
        if (Text(name) is not { } text)
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }
        return false;
    }

    /// <summary>A JSON array of strings (allowed_updates), or null when absent or not such an array.</summary>
    public IReadOnlyList<string>? StringArray(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
