using ContactHub.Core.Routing;

namespace ContactHub.Routing;

/// <summary>How presence is spelled inside Redis; the scripts compare against "available".</summary>
internal static class AgentPresenceNames
{
    public static string ToWire(AgentPresence presence) => presence switch
    {
        AgentPresence.Available => "available",
        AgentPresence.Away => "away",
        AgentPresence.Offline => "offline",
        _ => throw new ArgumentOutOfRangeException(nameof(presence)),
    };

    public static AgentPresence FromWire(string? wire) => wire switch
    {
        "available" => AgentPresence.Available,
        "away" => AgentPresence.Away,
        _ => AgentPresence.Offline,
    };

    public static AgentActivity ActivityFromWire(string? wire) => wire switch
    {
        "available" => AgentActivity.Available,
        "busy" => AgentActivity.Busy,
        "away" => AgentActivity.Away,
        "wrapup" => AgentActivity.WrapUp,
        _ => AgentActivity.Offline,
    };
}
