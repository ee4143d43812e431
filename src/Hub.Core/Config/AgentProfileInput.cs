using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Core.Config;

/// <summary>An agent's routing profile as admins edit it: channels by wire name, so the API and the forms share one shape.</summary>
/// <param name="Capacity">Channel wire name -> concurrent conversations (0..50); a channel left out uses the router's default.</param>
public sealed record AgentProfileInput(string? Team, IReadOnlyDictionary<string, int> Skills, IReadOnlyDictionary<string, int> Capacity)
{
    public static AgentProfileInput From(AgentRoutingProfile profile) => new(
        profile.Team,
        profile.Skills,
        profile.Capacity.ToDictionary(c => c.Key.ToWire(), c => c.Value));
}
