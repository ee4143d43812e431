using ContactHub.Core.Stream;

namespace ContactHub.Channels.Telegram;

public enum TelegramUpdateKind
{
    /// <summary>A new customer message: appended.</summary>
    Message,

    /// <summary>The customer edited a message: the stored interaction's text is replaced.</summary>
    Edit,

    /// <summary>Something the hub does not handle (a button press, a group, the bot's own membership): answered 200, dropped.</summary>
    Ignored,
}

/// <summary>A file the message carries, still on Telegram's servers: fetched with getFile before the append.</summary>
public sealed record TelegramFileReference(string FileId, string FileName, string ContentType, long? FileSize);

/// <summary>An update in the hub's terms. <see cref="Interaction"/> is set unless the update is ignored.</summary>
public sealed record TelegramMapped(TelegramUpdateKind Kind, InboundInteraction? Interaction, string? IgnoredBecause = null)
{
    public TelegramFileReference? File { get; init; }

    /// <summary>The payload of a deep link's "/start &lt;payload&gt;" (t.me/bot?start=payload), such as an order number.</summary>
    public string? StartPayload { get; init; }

    /// <summary>For <see cref="TelegramUpdateKind.Edit"/>: when the customer edited the message.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    public static TelegramMapped Ignore(string because) => new(TelegramUpdateKind.Ignored, null, because);
}
