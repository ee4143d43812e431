using System.Security.Claims;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace ContactHub.Server.Security;

/// <summary>The console's sign-in and sign-out: plain form posts (with antiforgery) that set or clear the cookie.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", LoginAsync).RequireRateLimiting(SecurityExtensions.LoginRateLimit);
        app.MapPost("/account/logout", LogoutAsync).RequireAuthorization();
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context,
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        UserStore users,
        CancellationToken cancellationToken)
    {
        var user = string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)
            ? null
            : await users.VerifyAsync(userName, password, cancellationToken);
        var safeReturn = IsLocal(returnUrl) ? returnUrl! : "/";
        if (user is null)
        {
            return TypedResults.Redirect($"/login?error=1&returnUrl={Uri.EscapeDataString(safeReturn)}");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(HubClaims.DisplayName, user.DisplayName),
                new Claim(ClaimTypes.Role, user.Role),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Redirect(safeReturn);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, AssignmentService assignments)
    {
        if (context.User.AgentId() is { } agentId)
        {
            await assignments.SetPresenceAsync(agentId, AgentPresence.Offline);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/login");
    }

    /// <summary>Only same-site paths: an open redirect after login would be a phishing gift.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
