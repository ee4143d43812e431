using System.Text.Json.Serialization;

namespace ContactHub.Channels.WhatsApp;

[JsonSerializable(typeof(WhatsAppNotification))]
[JsonSerializable(typeof(WhatsAppMediaInfo))]
[JsonSerializable(typeof(WhatsAppMarkRead))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class WhatsAppJsonContext : JsonSerializerContext;
