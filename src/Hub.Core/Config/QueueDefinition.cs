using ContactHub.Core.Routing;

namespace ContactHub.Core.Config;

/// <summary>A queue as the admin defines it. The router receives the routing part as <see cref="QueueRoutingConfig"/>.</summary>
public sealed record QueueDefinition(string Name)
{
    public string DisplayName { get; init; } = "";

    /// <summary>Task priority for conversations routed here when the matching rule names none (higher first; FIFO within a priority).</summary>
    public int Priority { get; init; }

    public int ServiceLevelSeconds { get; init; } = 60;

    public int OfferTimeoutSeconds { get; init; } = 20;

    public int WrapUpSeconds { get; init; }

    public int StickySeconds { get; init; }

    /// <summary>An unanswered customer message older than this makes the conversation eligible for take-back; 0 = no timer.</summary>
    public int ReplyTimerSeconds { get; init; }

    public string? Team { get; init; }

    public IReadOnlyDictionary<string, int> RequiredSkills { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<OverflowStep> Overflow { get; init; } = [];

    /// <summary>IANA id; the business hours are local to it.</summary>
    public string TimeZone { get; init; } = "UTC";

    public BusinessHoursSpec Hours { get; init; } = BusinessHoursSpec.AlwaysOpen;

    /// <summary>Sent once to a customer whose conversation opens while the queue is closed; null or empty = none.</summary>
    public string? OutOfHoursReply { get; init; }

    public int MaxConsecutiveTimeouts { get; init; } = 2;

    /// <summary>The address e-mail replies in this queue's conversations come from; null = the hub's <c>Email:Smtp:From</c>.</summary>
    public string? EmailFrom { get; init; }

    /// <summary>The display name shown with <see cref="EmailFrom"/>, e.g. "Acme Billing"; null = <c>Email:Smtp:FromName</c>.</summary>
    public string? EmailFromName { get; init; }

    /// <summary>A caller still waiting after this many seconds is offered voicemail instead; 0 = never.</summary>
    public int VoicemailAfterSeconds { get; init; }

    /// <summary>Connected calls of this queue are recorded (both parties, from the moment the agent answers).</summary>
    public bool RecordCalls { get; init; }

    public QueueRoutingConfig ToRoutingConfig(bool isOpen) => new(Name)
    {
        ServiceLevelSeconds = ServiceLevelSeconds,
        OfferTimeoutSeconds = OfferTimeoutSeconds,
        WrapUpSeconds = WrapUpSeconds,
        StickySeconds = StickySeconds,
        RequiredSkills = RequiredSkills,
        Team = Team,
        Overflow = Overflow,
        IsOpen = isOpen,
        MaxConsecutiveTimeouts = MaxConsecutiveTimeouts,
    };
}
