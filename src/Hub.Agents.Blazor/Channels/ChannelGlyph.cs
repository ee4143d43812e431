using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.Channels;

/// <summary>How a channel looks in the console: a readable label, a CSS class for its colour, and a 24x24 stroked SVG path.</summary>
public sealed record ChannelGlyph(string Label, string CssClass, string Path)
{
    public static ChannelGlyph For(ChannelKind channel) => channel switch
    {
        ChannelKind.Sms => new("SMS", "ch-sms", "M4 5h16v11H9l-5 4z M8 10h8 M8 13h5"),
        ChannelKind.Voice => new("Voice", "ch-voice", "M6 3h3l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z"),
        ChannelKind.Email => new("E-mail", "ch-email", "M3 5h18v14H3z M3 6l9 7 9-7"),
        ChannelKind.Telegram => new("Telegram", "ch-telegram", "M21 4 3 11l6 2 2 6 3-4 5 4z M9 13l12-9"),
        ChannelKind.WhatsApp => new("WhatsApp", "ch-whatsapp", "M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3z M9 8.5c0 3.5 3 6.5 6.5 6.5"),
        ChannelKind.WebChat => new("Web chat", "ch-webchat", "M3 4h18v13H3z M3 8h18 M7 12h6 M8 21h8 M12 17v4"),
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>Identities are stored under a namespace ("phone" covers SMS and voice); unknown ones still get a label.</summary>
    public static string IdentityLabel(string identityNamespace) =>
        identityNamespace == "phone" ? "Phone"
        : ChannelNames.TryParse(identityNamespace, out var channel) ? For(channel).Label
        : identityNamespace;
}
