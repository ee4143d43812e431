using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Presence;

/// <summary>The presence states an agent can pick, with the wire name the console and the bus use.</summary>
public sealed record PresenceChoice(AgentPresence Presence, string Label)
{
    public static IReadOnlyList<PresenceChoice> All { get; } =
    [
        new(AgentPresence.Available, "Available"),
        new(AgentPresence.Away, "Away"),
        new(AgentPresence.Offline, "Offline"),
    ];

    public string Wire => ToWire(Presence);

    public static string ToWire(AgentPresence presence) => presence.ToString().ToLowerInvariant();

    /// <summary>AgentPresenceChanged carries the wire name; an unknown one leaves the shown state as it was.</summary>
    public static bool TryParse(string? wire, out AgentPresence presence)
    {
        foreach (var choice in All)
        {
            if (string.Equals(choice.Wire, wire, StringComparison.OrdinalIgnoreCase))
            {
                presence = choice.Presence;
                return true;
            }
        }
        presence = default;
        return false;
    }
}
