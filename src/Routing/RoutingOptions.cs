namespace ContactHub.Routing;

/// <summary>The "Routing" configuration section. Per-queue settings (QueueRoutingConfig) override these.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>Starts every Redis key and channel name, so several hubs (or tests) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "ch";

    /// <summary>How long an agent has to accept an offer, for a queue whose configuration was never applied.</summary>
    public int OfferTimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// Concurrent conversations on a chat-like channel (SMS, Telegram, WhatsApp, web chat) for an agent whose
    /// routing profile was never applied; such an agent gets voice 1 and e-mail 5.
    /// </summary>
    public int DefaultCapacity { get; set; } = 3;

    /// <summary>Offers in a row an agent may let expire before being set away, for a queue never configured.</summary>
    public int MaxConsecutiveTimeouts { get; set; } = 2;
}
