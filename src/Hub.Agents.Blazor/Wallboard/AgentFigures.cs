using ContactHub.Agents.Blazor.Presence;
using ContactHub.Agents.Blazor.Shared;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Wallboard;

/// <summary>One agent's row: who, doing what, for how long (ticking between fetches).</summary>
public sealed record AgentFigures(long AgentId, string Name, AgentActivity Activity, double SecondsInState, string? AwayReason, int ActiveConversations)
{
    public string ActivityWord => ActivityLabel.Word(Activity);

    public string? Reason => Activity == AgentActivity.Away ? Presence.AwayReason.Display(AwayReason) : null;

    /// <summary>Offline agents the router has never seen have no clock.</summary>
    public string TimeInState => double.IsNaN(SecondsInState) ? DurationText.None : DurationText.Format(SecondsInState);

    /// <summary>
    /// The router's agents, plus the store's agents it does not know (shown offline), in board order:
    /// by activity, then longest in that state first (the agent idle longest is the next one offered work).
    /// </summary>
    public static IReadOnlyList<AgentFigures> Build(IReadOnlyList<AgentLive> live, IReadOnlyList<Agent> known, TimeSpan elapsed)
    {
        var names = known.ToDictionary(a => a.Id, a => a.DisplayName);
        var extra = Math.Max(0, elapsed.TotalSeconds);
        var rows = live
            .Select(a => new AgentFigures(a.AgentId, names.GetValueOrDefault(a.AgentId) ?? $"Agent {a.AgentId}", a.Activity,
                Math.Max(0, a.SecondsInState) + extra, a.AwayReason, a.ActiveConversations))
            .ToList();
        var seen = rows.Select(r => r.AgentId).ToHashSet();
        rows.AddRange(known
            .Where(a => a.Role == Core.Users.Roles.Agent && !seen.Contains(a.Id))
            .Select(a => new AgentFigures(a.Id, a.DisplayName, AgentActivity.Offline, double.NaN, null, 0)));
        return rows
            .OrderBy(r => ActivityLabel.Order(r.Activity))
            .ThenByDescending(r => double.IsNaN(r.SecondsInState) ? -1 : r.SecondsInState)
            .ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.AgentId)
            .ToList();
    }

    /// <summary>Heads per activity, every activity present (zeros included) so the summary never changes shape.</summary>
    public static IReadOnlyList<(AgentActivity Activity, int Count)> Summary(IReadOnlyList<AgentFigures> rows) =>
        ActivityLabel.InBoardOrder.Select(a => (a, rows.Count(r => r.Activity == a))).ToList();
}
