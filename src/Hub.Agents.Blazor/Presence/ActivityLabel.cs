using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Presence;

/// <summary>The words the console and the wallboard use for what an agent is doing, and the order supervisors read them in.</summary>
public static class ActivityLabel
{
    public static IReadOnlyList<AgentActivity> InBoardOrder { get; } =
        [AgentActivity.Available, AgentActivity.Busy, AgentActivity.WrapUp, AgentActivity.Away, AgentActivity.Offline];

    public static string Word(AgentActivity activity) => activity switch
    {
        AgentActivity.Available => "available",
        AgentActivity.Busy => "busy",
        AgentActivity.Away => "away",
        AgentActivity.WrapUp => "wrap-up",
        _ => "offline",
    };

    /// <summary>Position on the wallboard: ready agents first, then working, then not working.</summary>
    public static int Order(AgentActivity activity)
    {
        for (var i = 0; i < InBoardOrder.Count; i++)
        {
            if (InBoardOrder[i] == activity)
            {
                return i;
            }
        }
        return InBoardOrder.Count;
    }

    /// <summary>
    /// The router's activity. A router that does not fill Activity yet leaves it at its default (offline), which
    /// would contradict the presence it does report; the presence wins then.
    /// </summary>
    public static AgentActivity Of(AgentRoutingState state) =>
        state.Activity == AgentActivity.Offline && state.Presence != AgentPresence.Offline
            ? state.Presence == AgentPresence.Away ? AgentActivity.Away : AgentActivity.Available
            : state.Activity;
}
