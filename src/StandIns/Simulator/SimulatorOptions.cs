namespace ContactHub.StandIns.Simulator;

/// <summary>Bound from <c>StandIn:Simulator</c>.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "StandIn:Simulator";

    public bool Enabled { get; set; }

    /// <summary>Where the hub listens; the simulator posts to its /webhooks/twilio/sms.</summary>
    public string HubBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The URL the signature covers: the hub's <c>Hub:PublicBaseUrl</c>, which differs from <see cref="HubBaseUrl"/>
    /// behind a proxy. Empty means "Hub:PublicBaseUrl" from configuration, else <see cref="HubBaseUrl"/>.
    /// </summary>
    public string HubPublicBaseUrl { get; set; } = "";

    public double IntervalSeconds { get; set; } = 5;

    /// <summary>The share of messages sent a second time with the same MessageSid, as Twilio does when a webhook times out.</summary>
    public double DuplicateRate { get; set; } = 0.1;
}
