using System.Text.Json.Serialization;

namespace ContactHub.StandIns.Twilio;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TwilioErrorBody))]
[JsonSerializable(typeof(MessageResource))]
[JsonSerializable(typeof(IReadOnlyList<MessageResource>))]
internal sealed partial class StandInJsonContext : JsonSerializerContext;
