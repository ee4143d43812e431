using System.Globalization;
using ContactHub.Core.Domain;
using ContactHub.Core.Stream;

namespace ContactHub.Channels.Telegram;

/// <summary>
/// Turns a checked <see cref="TelegramUpdate"/> (see <see cref="TelegramUpdateReader"/>) into the canonical
/// <see cref="InboundInteraction"/>. The sender's address is the private chat's id (the id replies go to), and the
/// external id is "&lt;chat id&gt;:&lt;message id&gt;", stable across webhook retries and repeated polls.
/// </summary>
public static class TelegramMapper
{
    public const string UnsupportedText = "[A Telegram message the hub cannot show, such as a sticker or a poll]";

    /// <param name="receivedAt">Stands in for a message without a date.</param>
    public static TelegramMapped Map(TelegramUpdate update, DateTimeOffset receivedAt)
    {
        var (kind, message) = update switch
        {
            { Message: { } m } => (TelegramUpdateKind.Message, m),
            { EditedMessage: { } m } => (TelegramUpdateKind.Edit, m),
            _ => (TelegramUpdateKind.Ignored, null),
        };
        if (message is null)
        {
            return TelegramMapped.Ignore("it carries no message (a button press, a membership change or another update kind)");
        }
        if (message.Chat is not { Id: { } chatId, Type: "private" })
        {
            return TelegramMapped.Ignore($"it comes from a {message.Chat?.Type ?? "unknown"} chat; only private chats with the bot are conversations");
        }
        if (message.From is { IsBot: true })
        {
            return TelegramMapped.Ignore("it was sent by a bot");
        }
        var file = FileOf(message);
        var interaction = new InboundInteraction(
            ChannelKind.Telegram,
            chatId.ToString(CultureInfo.InvariantCulture),
            ExternalId(chatId, message.MessageId!.Value),
            TextOf(message, file),
            [],
            message.Date is { } date ? DateTimeOffset.FromUnixTimeSeconds(date) : receivedAt,
            SenderDisplayName: DisplayName(message))
        {
            VerifiedPhone = VerifiedPhone(message),
        };
        return new TelegramMapped(kind, interaction)
        {
            File = file,
            StartPayload = kind == TelegramUpdateKind.Message ? StartPayload(message) : null,
            EditedAt = kind == TelegramUpdateKind.Edit ? DateTimeOffset.FromUnixTimeSeconds(message.EditDate ?? message.Date ?? receivedAt.ToUnixTimeSeconds()) : null,
        };
    }

    public static string ExternalId(long chatId, long messageId) =>
        string.Create(CultureInfo.InvariantCulture, $"{chatId}:{messageId}");

    private static string? TextOf(TelegramMessage message, TelegramFileReference? file)
    {
        if (!string.IsNullOrEmpty(message.Text))
        {
            return message.Text;
        }
        if (message.Location is { } location)
        {
            return LocationText(location);
        }
        if (message.Contact is { } contact)
        {
            return ContactText(contact);
        }
        if (!string.IsNullOrEmpty(message.Caption))
        {
            return message.Caption;
        }
        return file is null ? UnsupportedText : null;
    }

    /// <summary>Readable for the agent and one click to a map; OpenStreetMap needs no API key and sets no tracking cookie.</summary>
    public static string LocationText(TelegramLocation location)
    {
        var lat = location.Latitude.ToString("0.######", CultureInfo.InvariantCulture);
        var lon = location.Longitude.ToString("0.######", CultureInfo.InvariantCulture);
        return $"Shared a location: {lat}, {lon}\nhttps://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}";
    }

    private static string ContactText(TelegramContact contact)
    {
        var name = string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var number = Phone(contact.PhoneNumber) ?? contact.PhoneNumber ?? "no number";
        return name.Length == 0 ? $"Shared a contact: {number}" : $"Shared a contact: {name}, {number}";
    }

    /// <summary>Telegram vouches for the number only when the user shared their own contact (user_id is the sender's id).</summary>
    private static string? VerifiedPhone(TelegramMessage message) =>
        message.Contact is { UserId: { } owner } contact && message.From is { } from && owner == from.Id ? Phone(contact.PhoneNumber) : null;

    /// <summary>Telegram's phone numbers are international but often written without the plus: "33612345678".</summary>
    private static string? Phone(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var text = raw.Trim();
        return PhoneNumber.TryNormalize(text.StartsWith('+') ? text : "+" + text, out var e164) ? e164 : null;
    }

    private static TelegramFileReference? FileOf(TelegramMessage message)
    {
        var id = message.MessageId!.Value.ToString(CultureInfo.InvariantCulture);
        // Telegram sends every photo in several sizes; the largest is the original the customer meant.
        if (message.Photo is { Count: > 0 } sizes && sizes.Where(s => !string.IsNullOrEmpty(s.FileId)).MaxBy(s => (long)s.Width * s.Height) is { } largest)
        {
            return new TelegramFileReference(largest.FileId!, $"photo-{id}.jpg", "image/jpeg", largest.FileSize);
        }
        if (message.Document is { FileId.Length: > 0 } document)
        {
            return new TelegramFileReference(document.FileId, document.FileName is { Length: > 0 } name ? name : $"document-{id}", MediaType(document.MimeType, "application/octet-stream"), document.FileSize);
        }
        if (message.Voice is { FileId.Length: > 0 } voice)
        {
            return new TelegramFileReference(voice.FileId, $"voice-{id}.ogg", MediaType(voice.MimeType, "audio/ogg"), voice.FileSize);
        }
        return null;
    }

    private static string MediaType(string? declared, string fallback) =>
        declared is { Length: > 0 and <= 127 } type && type.Contains('/') ? type.ToLowerInvariant() : fallback;

    private static string? DisplayName(TelegramMessage message)
    {
        var (first, last, username) = message.From is { } from
            ? (from.FirstName, from.LastName, from.Username)
            : (message.Chat?.FirstName, message.Chat?.LastName, message.Chat?.Username);
        var name = string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n))).Trim();
        return name.Length > 0 ? name : username is { Length: > 0 } ? "@" + username : null;
    }

    /// <summary>"/start order_4521" (or "/start@our_bot order_4521"): the bot_command entity at offset 0 marks a real command.</summary>
    private static string? StartPayload(TelegramMessage message)
    {
        if (message.Text is not { } text || message.Entities?.Any(e => e is { Type: "bot_command", Offset: 0 }) != true)
        {
            return null;
        }
        var command = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        if (command.Length < 2 || !(command[0] == "/start" || command[0].StartsWith("/start@", StringComparison.Ordinal)))
        {
            return null;
        }
        var payload = command[1].Trim();
        return payload.Length == 0 ? null : payload;
    }
}
