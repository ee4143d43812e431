using System.Globalization;
using ContactHub.Core.Domain;
using ContactHub.Core.Stream;

namespace ContactHub.Channels.WhatsApp;

/// <summary>
/// Turns a Cloud API webhook into canonical interactions and status updates. The whole payload is checked before anything
/// is stored, so a bad message refuses the delivery instead of half-storing it. Unknown message types are kept with a
/// readable note, never dropped: the customer did write something.
/// </summary>
public static class WhatsAppMapper
{
    public const string BusinessAccountObject = "whatsapp_business_account";

    /// <summary>WhatsApp's own limit on a text message body.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>wamid ids are base64 of a few dozen bytes; anything far longer is not one.</summary>
    public const int MaxIdLength = 256;

    public static WhatsAppMapResult Map(WhatsAppNotification notification, DateTimeOffset receivedAt)
    {
        if (notification.Object != BusinessAccountObject)
        {
            return WhatsAppMapResult.Failure($"object must be \"{BusinessAccountObject}\".");
        }
        if (notification.Entry is not { Count: > 0 })
        {
            return WhatsAppMapResult.Failure("entry is missing or empty.");
        }
        var messages = new List<WhatsAppInbound>();
        var statuses = new List<WhatsAppStatusUpdate>();
        foreach (var change in notification.Entry.SelectMany(e => e?.Changes ?? []))
        {
            // Other fields (account updates, template reviews) are acknowledged and ignored: nothing for the timeline.
            if (change?.Field != "messages" || change.Value is not { } value)
            {
                continue;
            }
            var recipient = Recipient(value.Metadata);
            foreach (var message in value.Messages ?? [])
            {
                if (message is null)
                {
                    return WhatsAppMapResult.Failure("messages contains null.");
                }
                var mapped = MapMessage(message, value.Contacts, recipient, receivedAt);
                if (mapped.Error is not null)
                {
                    return WhatsAppMapResult.Failure(mapped.Error);
                }
                messages.Add(mapped.Inbound!);
            }
            foreach (var status in value.Statuses ?? [])
            {
                if (status is null)
                {
                    return WhatsAppMapResult.Failure("statuses contains null.");
                }
                if (MapStatus(status) is { } problem)
                {
                    return WhatsAppMapResult.Failure(problem);
                }
                statuses.Add(ToUpdate(status));
            }
        }
        return new WhatsAppMapResult(messages, statuses, null);
    }

    private static (WhatsAppInbound? Inbound, string? Error) MapMessage(WhatsAppMessage message, List<WhatsAppContact>? contacts, string? recipient, DateTimeOffset receivedAt)
    {
        if (string.IsNullOrWhiteSpace(message.Id) || message.Id.Length > MaxIdLength)
        {
            return (null, "Every message needs an id (wamid) of at most 256 characters.");
        }
        if (string.IsNullOrWhiteSpace(message.From) || !PhoneNumber.TryNormalize("+" + message.From.Trim().TrimStart('+'), out var sender) || !PhoneNumber.IsE164(sender))
        {
            return (null, $"Message {Truncate(message.Id)} has no sender phone number in \"from\".");
        }
        if (!TryTimestamp(message.Timestamp, receivedAt, out var sentAt))
        {
            return (null, $"Message {Truncate(message.Id)} has a timestamp that is not Unix seconds.");
        }
        var (text, media, mediaKind) = Content(message);
        if (message.Type == "text" && text is { Length: > MaxTextLength })
        {
            return (null, $"Message {Truncate(message.Id)} is {text.Length} characters long; WhatsApp allows {MaxTextLength}.");
        }
        var name = contacts?.FirstOrDefault(c => c?.WaId == message.From)?.Profile?.Name ?? contacts?.FirstOrDefault()?.Profile?.Name;
        var interaction = new InboundInteraction(
            ChannelKind.WhatsApp,
            sender,
            message.Id.Trim(),
            string.IsNullOrEmpty(text) ? null : text,
            [],
            sentAt,
            SenderDisplayName: string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            RecipientAddress: recipient)
        {
            RepliesTo = message.Context?.Id is { Length: > 0 and <= MaxIdLength } repliedTo ? [repliedTo] : [],
        };
        return (new WhatsAppInbound(interaction, media, mediaKind), null);
    }

    /// <summary>The text the agent reads, and the media to fetch, for each message type.</summary>
    private static (string? Text, WhatsAppMediaRef? Media, string? MediaKind) Content(WhatsAppMessage message) => message.Type switch
    {
        "text" => (message.Text?.Body, null, null),
        "image" when message.Image is { Id.Length: > 0 } image => (image.Caption, image, "image"),
        "document" when message.Document is { Id.Length: > 0 } document => (document.Caption, document, "document"),
        "audio" when message.Audio is { Id.Length: > 0 } audio => (audio.Voice == true ? "Voice message" : null, audio, "audio"),
        "location" when message.Location is { } location => (LocationText.Describe(location), null, null),
        "interactive" => (InteractiveText(message.Interactive), null, null),
        "button" => (message.Button?.Text is { Length: > 0 } tapped ? $"Tapped \"{tapped}\"" : "Tapped a template button", null, null),
        _ => ($"[Unsupported WhatsApp message type \"{Truncate(message.Type ?? "none")}\": open WhatsApp on the business phone to see it.]", null, null),
    };

    private static string InteractiveText(WhatsAppInteractive? interactive) => interactive switch
    {
        { ButtonReply.Title: { Length: > 0 } title } => $"Chose \"{title}\"",
        { ListReply.Title: { Length: > 0 } title, ListReply.Description: { Length: > 0 } description } => $"Chose \"{title}\" ({description})",
        { ListReply.Title: { Length: > 0 } title } => $"Chose \"{title}\"",
        _ => $"[Unsupported WhatsApp interactive reply \"{Truncate(interactive?.Type ?? "none")}\".]",
    };

    private static string? MapStatus(WhatsAppStatus status)
    {
        if (string.IsNullOrWhiteSpace(status.Id) || status.Id.Length > MaxIdLength)
        {
            return "Every status needs the id (wamid) of the message it concerns.";
        }
        return string.IsNullOrWhiteSpace(status.Status) ? $"Status for {Truncate(status.Id)} has no \"status\"." : null;
    }

    private static WhatsAppStatusUpdate ToUpdate(WhatsAppStatus status)
    {
        var error = status.Errors?.FirstOrDefault(e => e is not null);
        return new WhatsAppStatusUpdate(
            status.Id!.Trim(),
            status.Status!.Trim().ToLowerInvariant(),
            error is null ? null : error.Code.ToString(CultureInfo.InvariantCulture),
            error is null ? null : ErrorReason(error));
    }

    /// <summary>"Re-engagement message: Message failed to send because more than 24 hours have passed..." for the agent.</summary>
    public static string ErrorReason(WhatsAppStatusError error)
    {
        var title = error.Title ?? error.Message ?? $"WhatsApp error {error.Code}";
        return error.ErrorData?.Details is { Length: > 0 } details && details != title ? $"{title}: {details}" : title;
    }

    private static string? Recipient(WhatsAppMetadata? metadata) =>
        metadata?.DisplayPhoneNumber is { Length: > 0 } display && PhoneNumber.TryNormalize("+" + display.TrimStart('+'), out var e164) ? e164 : null;

    private static bool TryTimestamp(string? value, DateTimeOffset receivedAt, out DateTimeOffset sentAt)
    {
        sentAt = receivedAt;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
        {
            return false;
        }
        sentAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>Keeps an attacker's megabyte of junk out of the error message.</summary>
    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
