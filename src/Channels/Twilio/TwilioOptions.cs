namespace ContactHub.Channels.Twilio;

/// <summary>Bound from <c>Twilio</c>. The token is a secret: it comes from configuration or the environment, never from code.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = "";

    public string AuthToken { get; set; } = "";

    /// <summary>Configurable so tests and the demo point the sender at the local stand-in.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Our sending number in E.164.</summary>
    public string PhoneNumber { get; set; } = "";

    /// <summary>When set, Twilio picks the sender from the service's pool and <see cref="PhoneNumber"/> is not sent.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Answer to a customer's HELP (or INFO) text; carriers require one. Empty: no answer.</summary>
    public string HelpReply { get; set; } = "You are texting our support team: write your question and an agent will answer. Reply STOP to stop texts, START to resume.";

    /// <summary>Bounds one send attempt so a hung connection cannot stall the outbox.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
