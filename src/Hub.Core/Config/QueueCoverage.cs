using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Core.Config;

/// <summary>
/// Whether anybody who could ever be offered a queue's work is logged in. Logged in means any presence but offline:
/// an agent who is away or wrapping up will be back, so their callers wait; with nobody logged in, a caller would
/// wait for nobody. Generous on purpose: every team an overflow step widens to, and every queue it moves to, counts.
/// </summary>
public static class QueueCoverage
{
    public static bool AnyAgentLoggedInFor(string queue, ChannelKind channel, RoutingSnapshot snapshot, IEnumerable<AgentLive> agents)
    {
        var profiles = snapshot.Agents.ToDictionary(p => p.AgentId);
        var loggedIn = agents
            .Where(a => a.Activity != AgentActivity.Offline)
            .Select(a => profiles.GetValueOrDefault(a.AgentId) ?? new AgentRoutingProfile(a.AgentId))
            .Where(p => p.Capacity.GetValueOrDefault(channel, AgentRoutingProfile.DefaultCapacity(channel)) > 0)
            .ToList();
        return loggedIn.Count > 0 && Covers(queue, snapshot, loggedIn, []);
    }

    private static bool Covers(string queue, RoutingSnapshot snapshot, List<AgentRoutingProfile> loggedIn, HashSet<string> visited)
    {
        if (!visited.Add(queue))
        {
            return false;
        }
        if (!snapshot.Queues.TryGetValue(queue, out var configured))
        {
            // A queue the snapshot does not know yet routes to anyone.
            return true;
        }
        var definition = configured.Definition;
        var anyone = definition.Team is null || definition.Overflow.Any(s => s.Team is null && s.Queue is null);
        var teams = definition.Overflow.Where(s => s.Team is not null).Select(s => s.Team!).Append(definition.Team).ToHashSet();
        if (loggedIn.Any(agent => HasSkills(agent, definition.RequiredSkills) && (anyone || teams.Contains(agent.Team))))
        {
            return true;
        }
        return definition.Overflow.Any(s => s.Queue is not null && Covers(s.Queue, snapshot, loggedIn, visited));
    }

    private static bool HasSkills(AgentRoutingProfile agent, IReadOnlyDictionary<string, int> required) =>
        required.All(skill => agent.Skills.TryGetValue(skill.Key, out var level) && level >= skill.Value);
}
