using System.Text.Json.Serialization;

namespace ContactHub.Channels.WhatsApp;

// The webhook envelope as Meta documents it; only the fields the hub reads. Unknown fields are ignored, so Meta may add
// fields freely. Numbers carry no '+', timestamps are Unix seconds as strings.

public sealed record WhatsAppNotification(
    [property: JsonPropertyName("object")] string? Object,
    [property: JsonPropertyName("entry")] List<WhatsAppEntry>? Entry);

public sealed record WhatsAppEntry(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("changes")] List<WhatsAppChange>? Changes);

public sealed record WhatsAppChange(
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("value")] WhatsAppChangeValue? Value);

public sealed record WhatsAppChangeValue(
    [property: JsonPropertyName("messaging_product")] string? MessagingProduct,
    [property: JsonPropertyName("metadata")] WhatsAppMetadata? Metadata,
    [property: JsonPropertyName("contacts")] List<WhatsAppContact>? Contacts,
    [property: JsonPropertyName("messages")] List<WhatsAppMessage>? Messages,
    [property: JsonPropertyName("statuses")] List<WhatsAppStatus>? Statuses);

public sealed record WhatsAppMetadata(
    [property: JsonPropertyName("display_phone_number")] string? DisplayPhoneNumber,
    [property: JsonPropertyName("phone_number_id")] string? PhoneNumberId);

public sealed record WhatsAppContact(
    [property: JsonPropertyName("wa_id")] string? WaId,
    [property: JsonPropertyName("profile")] WhatsAppProfile? Profile);

public sealed record WhatsAppProfile([property: JsonPropertyName("name")] string? Name);

public sealed record WhatsAppMessage(
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("type")] string? Type)
{
    [JsonPropertyName("text")] public WhatsAppText? Text { get; init; }
    [JsonPropertyName("image")] public WhatsAppMediaRef? Image { get; init; }
    [JsonPropertyName("document")] public WhatsAppMediaRef? Document { get; init; }
    [JsonPropertyName("audio")] public WhatsAppMediaRef? Audio { get; init; }
    [JsonPropertyName("location")] public WhatsAppLocation? Location { get; init; }
    [JsonPropertyName("interactive")] public WhatsAppInteractive? Interactive { get; init; }
    [JsonPropertyName("button")] public WhatsAppButton? Button { get; init; }
    [JsonPropertyName("context")] public WhatsAppContext? Context { get; init; }
}

public sealed record WhatsAppText([property: JsonPropertyName("body")] string? Body);

/// <summary>An image, document or audio message: the bytes are fetched separately by <see cref="Id"/>.</summary>
public sealed record WhatsAppMediaRef(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("mime_type")] string? MimeType,
    [property: JsonPropertyName("sha256")] string? Sha256,
    [property: JsonPropertyName("caption")] string? Caption,
    [property: JsonPropertyName("filename")] string? FileName,
    [property: JsonPropertyName("voice")] bool? Voice);

public sealed record WhatsAppLocation(
    [property: JsonPropertyName("latitude")] double? Latitude,
    [property: JsonPropertyName("longitude")] double? Longitude,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("address")] string? Address);

public sealed record WhatsAppInteractive(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("button_reply")] WhatsAppReplyChoice? ButtonReply,
    [property: JsonPropertyName("list_reply")] WhatsAppReplyChoice? ListReply);

public sealed record WhatsAppReplyChoice(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("description")] string? Description);

/// <summary>A tap on a quick-reply button of a template we sent.</summary>
public sealed record WhatsAppButton(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("payload")] string? Payload);

public sealed record WhatsAppContext(
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("id")] string? Id);

public sealed record WhatsAppStatus(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("recipient_id")] string? RecipientId,
    [property: JsonPropertyName("errors")] List<WhatsAppStatusError>? Errors);

public sealed record WhatsAppStatusError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("error_data")] WhatsAppErrorData? ErrorData);

public sealed record WhatsAppErrorData([property: JsonPropertyName("details")] string? Details);
