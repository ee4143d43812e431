using ContactHub.Channels.WhatsApp;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>Bound from <c>StandIn:WhatsApp</c>: the one business number this fake Graph API serves.</summary>
public sealed class WhatsAppStandInOptions
{
    public const string Section = "StandIn:WhatsApp";

    /// <summary>The only Bearer token the API accepts.</summary>
    public string AccessToken { get; set; } = "standin-whatsapp-access-token";

    /// <summary>Signs every webhook this stand-in posts (X-Hub-Signature-256).</summary>
    public string AppSecret { get; set; } = "standin-whatsapp-app-secret";

    /// <summary>The Graph id of our business number: the only valid {phone-number-id}.</summary>
    public string PhoneNumberId { get; set; } = "100200300400500";

    /// <summary>Our business number as Meta shows it, digits only.</summary>
    public string DisplayPhoneNumber { get; set; } = "15555550100";

    /// <summary>The hub's <c>/webhooks/whatsapp</c>; empty means no webhooks are posted (customers cannot write, statuses are not told).</summary>
    public string HubWebhookUrl { get; set; } = "";

    /// <summary>Templates Meta approved: anything else is refused with 132001.</summary>
    public List<WhatsAppTemplate> Templates { get; set; } = [];

    /// <summary>The pair rate limit: at least this long between two messages to one customer, else 131056.</summary>
    public TimeSpan PairRateLimitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long after the customer's last message free-form messages are accepted (131047 afterwards).</summary>
    public TimeSpan ServiceWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Recipients (digits, no '+') whose phones never get messages: their sends end "failed" with 131026.</summary>
    public List<string> UndeliverableNumbers { get; set; } = [];

    /// <summary>Pause before each status webhook, so "accepted" is observable and the order looks like Meta's.</summary>
    public TimeSpan StatusDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
