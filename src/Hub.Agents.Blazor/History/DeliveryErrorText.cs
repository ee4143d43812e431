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
        return channel is ChannelKind.Sms or ChannelKind.Voice && Twilio.TryGetValue(code, out var twilio) ? twilio : null;
    }
}
