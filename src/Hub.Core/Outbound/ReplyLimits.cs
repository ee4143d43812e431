using ContactHub.Core.Domain;

namespace ContactHub.Core.Outbound;

/// <summary>
/// The longest reply an agent may write on each channel: what the provider takes in one message (Twilio's 1600
/// characters, ten SMS segments; WhatsApp's and Telegram's 4096), and room for a real letter by e-mail.
/// </summary>
public static class ReplyLimits
{
    public const int Sms = 1600;
    public const int Chat = 4096;
    public const int Email = 50_000;

    /// <summary>The longest on any channel: the API's first check, before it knows the conversation's channel.</summary>
    public const int Longest = Email;

    public static int MaxLength(ChannelKind channel) => channel switch
    {
        ChannelKind.Sms or ChannelKind.Voice => Sms,
        ChannelKind.Email => Email,
        _ => Chat,
    };
}
