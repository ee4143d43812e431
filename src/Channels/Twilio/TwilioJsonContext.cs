using System.Text.Json.Serialization;

namespace ContactHub.Channels.Twilio;

[JsonSerializable(typeof(TwilioApiError))]
[JsonSerializable(typeof(TwilioMessageResource))]
internal sealed partial class TwilioJsonContext : JsonSerializerContext;
