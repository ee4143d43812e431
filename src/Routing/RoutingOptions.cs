namespace ContactHub.Routing;

/// <summary>The "Routing" configuration section.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>Starts every Redis key and channel name, so several hubs (or tests) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "ch";

    /// <summary>How long an agent has to accept an offer before the task goes to the next agent.</summary>
    public int OfferTimeoutSeconds { get; set; } = 20;

    /// <summary>Concurrent conversations an agent handles unless their own capacity says otherwise.</summary>
    public int DefaultCapacity { get; set; } = 3;
}
