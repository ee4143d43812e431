using ContactHub.Core.Domain;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using Dapper;

namespace ContactHub.Core.Config;

/// <summary>Agents' routing profiles: skills with levels, team, capacity per channel. An agent without one routes on the router's defaults.</summary>
public sealed class AgentProfileStore(StoreConnections connections, TimeProvider time)
{
    /// <summary>
    /// Every user's profile, with defaults where none was saved: the router (and so the wallboard) then knows
    /// every agent, including those who have not signed in today.
    /// </summary>
    public async Task<IReadOnlyList<AgentRoutingProfile>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProfileRow>(
            """
            SELECT u.id AS agent_id, p.team, p.skills_json, p.capacity_json
            FROM users u LEFT JOIN agent_profiles p ON p.agent_id = u.id
            ORDER BY u.id
            """);
        return rows.Select(r => r.ToProfile()).ToList();
    }

    public async Task<AgentRoutingProfile?> GetAsync(long agentId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProfileRow>(
            "SELECT agent_id, team, skills_json, capacity_json FROM agent_profiles WHERE agent_id = @agentId", new { agentId });
        return row?.ToProfile();
    }

    public async Task SaveAsync(AgentRoutingProfile profile, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO agent_profiles (agent_id, team, skills_json, capacity_json, updated_at) VALUES (@AgentId, @Team, @skills, @capacity, @now)
            ON CONFLICT (agent_id) DO UPDATE SET team = excluded.team, skills_json = excluded.skills_json,
                capacity_json = excluded.capacity_json, updated_at = excluded.updated_at
            """,
            new
            {
                profile.AgentId,
                profile.Team,
                skills = ConfigJson.Write(profile.Skills),
                capacity = ConfigJson.Write(profile.Capacity.ToDictionary(c => c.Key.ToWire(), c => c.Value)),
                now = time.GetUtcNow().ToUnixTimeMilliseconds(),
            });
    }

    private sealed class ProfileRow
    {
        public long AgentId { get; set; }
        public string? Team { get; set; }
        public string? SkillsJson { get; set; }
        public string? CapacityJson { get; set; }

        public AgentRoutingProfile ToProfile() => new(AgentId)
        {
            Team = Team,
            Skills = ConfigJson.Skills(SkillsJson),
            Capacity = ConfigJson.Read(CapacityJson, new Dictionary<string, int>())
                .Where(c => ChannelNames.TryParse(c.Key, out _))
                .ToDictionary(c => ChannelNames.Parse(c.Key), c => c.Value),
        };
    }
}
