using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactHub.StandIns.Twilio;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TwilioErrorBody))]
[JsonSerializable(typeof(MessageResource))]
[JsonSerializable(typeof(IReadOnlyList<MessageResource>))]
internal sealed partial class StandInJsonContext : JsonSerializerContext
{
    /// <summary>Twilio writes "+1555..." and "'" literally; the default encoder would escape them as \u002B and \u0027.</summary>
    public static StandInJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
