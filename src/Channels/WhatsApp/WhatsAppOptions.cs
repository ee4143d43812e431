namespace ContactHub.Channels.WhatsApp;

/// <summary>
/// Bound from <c>WhatsApp</c>; the channel is registered only when <see cref="AccessToken"/> is set. The token, app
/// secret and verify token are secrets: they come from configuration or the environment, never from code.
/// </summary>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    /// <summary>A system-user access token, sent as the Bearer token on every Graph API call.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The Meta app's secret: the key of the HMAC in X-Hub-Signature-256.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The token typed into Meta's webhook settings, echoed back in the GET verification handshake.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>The business phone number's Graph id (not the number itself): replies are sent from it.</summary>
    public string PhoneNumberId { get; set; } = "";

    /// <summary>Configurable so tests and the demo point the channel at the local stand-in.</summary>
    public string ApiBaseUrl { get; set; } = "https://graph.facebook.com";

    public string ApiVersion { get; set; } = "v21.0";

    /// <summary>Message templates Meta has approved for this number: the only messages allowed outside the 24-hour window.</summary>
    public List<WhatsAppTemplate> Templates { get; set; } = [];

    /// <summary>Marks each inbound message read (blue ticks) once it is stored, so the customer sees it arrived.</summary>
    public bool MarkInboundRead { get; set; } = true;

    /// <summary>
    /// How long to wait after a rate-limit refusal (131056 pair rate limit, 130429, 80007, 4) when Meta names no time:
    /// Meta allows roughly one message every six seconds to one customer.
    /// </summary>
    public TimeSpan RateLimitRetryDelay { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Bounds one Graph API call so a hung connection cannot stall the webhook or the outbox.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Graph API root for this version, without a trailing slash.</summary>
    public string GraphRoot => $"{ApiBaseUrl.TrimEnd('/')}/{ApiVersion}";
}

/// <summary>One approved template as configured: its name and language as Meta knows them, and its body with {{1}}-style parameters.</summary>
public sealed class WhatsAppTemplate
{
    public string Name { get; set; } = "";

    /// <summary>The template language code, e.g. "en_US" or "es".</summary>
    public string Language { get; set; } = "";

    /// <summary>The body text as approved, used for the agent's preview and the timeline's copy of what was sent.</summary>
    public string Body { get; set; } = "";
}
