using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.History;

/// <summary>
/// A provider's delivery error code in words an agent can act on ("21610" means nothing at 3 pm on a busy shift).
/// Texts paraphrase the providers' published error references; unknown codes fall back to the code alone.
/// </summary>
public static class DeliveryErrorText
{
    private static readonly Dictionary<string, string> Twilio = new(StringComparer.Ordinal)
    {
        ["20003"] = "Our Twilio credentials were refused: tell an administrator",
        ["20429"] = "Twilio is rate-limiting us: retried automatically",
        ["21211"] = "Not a valid phone number",
        ["21408"] = "Texting this country is not enabled on our account",
        ["21606"] = "Our sending number cannot send SMS: tell an administrator",
        ["21610"] = "The customer replied STOP: they cannot be texted until they send START",
        ["21612"] = "This number cannot receive SMS from us",
        ["21614"] = "Not a mobile number (a landline cannot receive SMS)",
        ["21617"] = "Message too long (over 1,600 characters)",
        ["30001"] = "Twilio's queue for our number overflowed: sent too fast",
        ["30002"] = "Our Twilio account is suspended: tell an administrator",
        ["30003"] = "The customer's phone is switched off or out of coverage",
        ["30004"] = "Blocked: the customer or their carrier blocks our messages",
        ["30005"] = "The number does not exist or is no longer in service",
        ["30006"] = "A landline, or a carrier we cannot reach",
        ["30007"] = "The carrier filtered the message as spam",
        ["30008"] = "The carrier failed to deliver for an unknown reason",
        ["30034"] = "Our sending number is not registered for US messaging (A2P 10DLC)",
    };

    private static readonly Dictionary<string, string> WhatsApp = new(StringComparer.Ordinal)
    {
        ["4"] = "WhatsApp is rate-limiting our app: retried automatically",
        ["100"] = "WhatsApp refused the message as invalid (a wrong parameter or template field)",
        ["190"] = "Our WhatsApp access token was refused or expired: tell an administrator",
        ["80007"] = "Our WhatsApp account hit its rate limit: retried automatically",
        ["130429"] = "Sent faster than WhatsApp allows for our number: retried automatically",
        ["131026"] = "Undeliverable: the number is not on WhatsApp, or their app is too old",
        ["131047"] = "More than 24 hours since the customer last wrote: only an approved template can reach them now",
        ["131049"] = "WhatsApp held the message back to protect the customer's experience; try again later",
        ["131051"] = "WhatsApp does not support this kind of message",
        ["131056"] = "Too many messages to this customer in a short time: retried automatically",
        ["132000"] = "The template's parameters do not match the approved template",
        ["132001"] = "The template does not exist in that language, or is not approved",
    };

    private static readonly Dictionary<string, string> Hub = new(StringComparer.Ordinal)
    {
        ["retries-exhausted"] = "The provider kept failing; gave up after several tries",
        ["no-sender"] = "This channel is not configured on the hub",
        ["opted-out"] = "The customer opted out of this channel",
    };

    public static string? Describe(ChannelKind channel, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        if (Hub.TryGetValue(code, out var hub))
        {
            return hub;
        }
        return channel switch
        {
            ChannelKind.Sms or ChannelKind.Voice when Twilio.TryGetValue(code, out var twilio) => twilio,
            ChannelKind.WhatsApp when WhatsApp.TryGetValue(code, out var whatsApp) => whatsApp,
            _ => null,
        };
    }
}
