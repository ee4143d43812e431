using System.Globalization;
using System.Text.Json;

namespace ContactHub.Channels.WhatsApp;

/// <summary>
/// The Graph API's error body: <c>{"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id"}}</c>,
/// and what each code means for a send.
/// </summary>
public sealed record WhatsAppGraphError(int Code, int? Subcode, string? Message, string? Type, string? Details, string? TraceId)
{
    /// <summary>Throughput limits: the message is fine, it was just too soon. 131056 is the per-customer pair rate limit.</summary>
    public bool IsRateLimit => Code is 130429 or 131056 or 80007 or 4;

    /// <summary>The refusal in words for the agent: our explanation for the codes an agent meets, Meta's words otherwise.</summary>
    public string Reason => Code switch
    {
        131047 => "More than 24 hours have passed since the customer last wrote; only an approved template can be sent.",
        131026 => "The message could not be delivered: the number may not be on WhatsApp, or the customer's app is out of date.",
        100 => $"WhatsApp refused a parameter of the message: {Details ?? Message ?? "invalid parameter"}.",
        190 => "WhatsApp refused our access token (expired or revoked): an administrator must renew WhatsApp:AccessToken.",
        132001 => $"The template does not exist or is not approved in that language: {Details ?? Message}.",
        _ => Details is { Length: > 0 } && Message is { Length: > 0 } ? $"{Message}: {Details}" : Message ?? Details ?? $"WhatsApp error {Code}",
    };

    public string CodeText => Code.ToString(CultureInfo.InvariantCulture);

    /// <summary>Null when the body is not a Graph error (a proxy's HTML page): the HTTP status alone decides then.</summary>
    public static WhatsAppGraphError? TryParse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            return new WhatsAppGraphError(
                Int(error, "code") ?? 0,
                Int(error, "error_subcode"),
                String(error, "message"),
                String(error, "type"),
                error.TryGetProperty("error_data", out var data) && data.ValueKind == JsonValueKind.Object ? String(data, "details") : null,
                String(error, "fbtrace_id"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
