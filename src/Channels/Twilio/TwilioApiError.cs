using System.Text.Json.Serialization;

namespace ContactHub.Channels.Twilio;

/// <summary>Twilio's REST error body: <c>{"code":21211,"message":"...","more_info":"https://...","status":400}</c>.</summary>
public sealed record TwilioApiError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("more_info")] string? MoreInfo,
    [property: JsonPropertyName("status")] int Status);
