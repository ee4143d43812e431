namespace ContactHub.StandIns.Twilio;

/// <summary>Bound from <c>StandIn:Twilio</c>: the one account this fake Twilio serves.</summary>
public sealed class TwilioStandInOptions
{
    public const string Section = "StandIn:Twilio";

    public string AccountSid { get; set; } = "";

    public string AuthToken { get; set; } = "";

    /// <summary>The account's own numbers (E.164): the only valid From values, as on a real account.</summary>
    public List<string> PhoneNumbers { get; set; } = [];

    /// <summary>Messaging Service sids this account owns; sending through one picks the first phone number.</summary>
    public List<string> MessagingServiceSids { get; set; } = [];

    /// <summary>Recipients whose handsets never answer: they end "undelivered" with error 30003.</summary>
    public List<string> UndeliverableNumbers { get; set; } = [];

    /// <summary>Accepted sends per second before answering 429 / 20429.</summary>
    public int MessagesPerSecond { get; set; } = 50;

    /// <summary>Pause before each status callback, so "queued" is observable and ordering looks like a carrier's.</summary>
    public TimeSpan CallbackDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
