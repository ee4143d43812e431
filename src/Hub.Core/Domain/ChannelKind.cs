namespace ContactHub.Core.Domain;

/// <summary>Every channel a customer can reach us on. The wire names are the API's stable names.</summary>
public enum ChannelKind
{
    Sms,
    Voice,
    Email,
    Telegram,
    WhatsApp,
    WebChat,
}

public static class ChannelNames
{
    public static string ToWire(this ChannelKind channel) => channel switch
    {
        ChannelKind.Sms => "sms",
        ChannelKind.Voice => "voice",
        ChannelKind.Email => "email",
        ChannelKind.Telegram => "telegram",
        ChannelKind.WhatsApp => "whatsapp",
        ChannelKind.WebChat => "webchat",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static bool TryParse(string? wire, out ChannelKind channel)
    {
        foreach (var candidate in Enum.GetValues<ChannelKind>())
        {
            if (string.Equals(candidate.ToWire(), wire, StringComparison.OrdinalIgnoreCase))
            {
                channel = candidate;
                return true;
            }
        }
        channel = default;
        return false;
    }

    public static ChannelKind Parse(string wire) =>
        TryParse(wire, out var channel) ? channel : throw new FormatException($"Unknown channel '{wire}'.");

    /// <summary>
    /// Phone, SMS and WhatsApp share one address space (E.164; a WhatsApp id is the sender's phone number), so a caller,
    /// a texter and a WhatsApp sender with one number are one identity.
    /// </summary>
    public static string IdentityNamespace(this ChannelKind channel) =>
        channel is ChannelKind.Sms or ChannelKind.Voice or ChannelKind.WhatsApp ? "phone" : channel.ToWire();
}
