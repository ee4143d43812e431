using System.Globalization;
using System.Security.Claims;
using ContactHub.Core.Users;

namespace ContactHub.Agents.Blazor.Auth;

/// <summary>The signed-in agent as the host's cookie describes them.</summary>
public sealed record ConsoleUser(long AgentId, string UserName, string DisplayName, string Role)
{
    public const string DisplayNameClaim = "display_name";

    /// <summary>Supervisors and admins watch the wallboard and see why any conversation went where it did.</summary>
    public bool CanSupervise => Role is Roles.Supervisor or Roles.Admin;

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Null when the principal carries no numeric agent id: such a user cannot take conversations.</summary>
    public static ConsoleUser? From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var agentId))
        {
            return null;
        }
        var userName = principal.FindFirst(ClaimTypes.Name)?.Value ?? "";
        var displayName = principal.FindFirst(DisplayNameClaim)?.Value;
        return new ConsoleUser(
            agentId,
            userName,
            string.IsNullOrWhiteSpace(displayName) ? userName : displayName,
            principal.FindFirst(ClaimTypes.Role)?.Value ?? "");
    }
}
