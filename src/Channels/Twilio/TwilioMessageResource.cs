using System.Text.Json.Serialization;

namespace ContactHub.Channels.Twilio;

/// <summary>The fields of Twilio's Message resource the hub needs; the rest of the 201 body is ignored.</summary>
public sealed record TwilioMessageResource(
    [property: JsonPropertyName("sid")] string Sid,
    [property: JsonPropertyName("status")] string Status);
