using System.Text.Json.Serialization;

namespace ContactHub.Channels.WhatsApp;

/// <summary><c>{"messaging_product":"whatsapp","status":"read","message_id":"wamid..."}</c>.</summary>
public sealed record WhatsAppMarkRead(
    [property: JsonPropertyName("messaging_product")] string MessagingProduct,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message_id")] string MessageId);
