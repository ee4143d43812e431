using System.Security.Cryptography;
using System.Text;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>The Graph API's Bearer check, in constant time.</summary>
public static class GraphAuth
{
    public static bool IsAuthorized(HttpRequest request, string accessToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || accessToken.Length == 0)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(accessToken)));
    }
}
