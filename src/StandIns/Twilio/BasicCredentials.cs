using System.Security.Cryptography;
using System.Text;

namespace ContactHub.StandIns.Twilio;

/// <summary>HTTP Basic authentication as Twilio's REST API checks it: AccountSid as the user, AuthToken as the password.</summary>
public static class BasicCredentials
{
    public static bool Match(string? authorizationHeader, string accountSid, string authToken)
    {
        if (string.IsNullOrEmpty(accountSid) || string.IsNullOrEmpty(authToken)
            || authorizationHeader is null || !authorizationHeader.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(authorizationHeader["Basic ".Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes($"{accountSid}:{authToken}"));
    }
}
