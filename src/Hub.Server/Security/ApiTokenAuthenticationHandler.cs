using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ContactHub.Server.Security;

/// <summary>Authenticates <c>Authorization: Bearer</c> against the configured API tokens in constant time.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<ApiTokenOptions> tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        ApiToken? match = null;
        foreach (var candidate in tokens.CurrentValue.Tokens)
        {
            // Compare against every token so timing does not reveal which one nearly matched.
            if (candidate.Token.Length > 0 && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(candidate.Token)))
            {
                match = candidate;
            }
        }
        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API token."));
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, match.Name), new Claim(ClaimTypes.Role, match.Role), new Claim(HubClaims.ApiToken, match.Name)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
