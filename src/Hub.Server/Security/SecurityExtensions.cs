using System.Threading.RateLimiting;
using ContactHub.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace ContactHub.Server.Security;

public static class SecurityExtensions
{
    public const string HubScheme = "Hub";
    public const string StaffPolicy = "staff";
    public const string SupervisorPolicy = "supervisor";
    public const string AdminPolicy = "admin";
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddHubSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiTokenOptions>().BindConfiguration("Api")
            .Validate(o => o.Tokens.All(t => t.Token.Length >= 16 && Roles.All.Contains(t.Role)), "Every Api:Tokens entry needs a token of 16+ characters and a role of agent, supervisor or admin.")
            .ValidateOnStart();

        // Cookies must survive a restart, so the key ring lives on disk beside the store.
        services.AddDataProtection()
            .SetApplicationName("ContactHub")
            .PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysPath"] ?? Path.Combine(".run", "keys")));

        services.AddAuthentication(HubScheme)
            .AddPolicyScheme(HubScheme, "Cookie or API token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenAuthenticationHandler.SchemeName
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.Cookie.Name = "contacthub.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin))
            .AddPolicy(SupervisorPolicy, policy => policy.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));
        services.AddCascadingAuthenticationState();

        // No policy of its own: channels that serve other sites' pages (the web chat) add theirs.
        services.AddCors();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Slows password guessing from one address without locking real users out.
            options.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    public static void UseHubSecurity(this WebApplication app)
    {
        // Only endpoints that name a policy answer cross-origin requests (the web chat's visitor API).
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    /// <summary>API callers get a status code; browsers get the login page.</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
