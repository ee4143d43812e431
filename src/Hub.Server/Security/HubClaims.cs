using System.Security.Claims;

namespace ContactHub.Server.Security;

public static class HubClaims
{
    public const string DisplayName = "display_name";
    public const string ApiToken = "api_token";

    /// <summary>The agent behind a console session; API tokens act for no agent.</summary>
    public static long? AgentId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
