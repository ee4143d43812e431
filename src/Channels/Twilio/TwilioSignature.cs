using System.Security.Cryptography;
using System.Text;

namespace ContactHub.Channels.Twilio;

/// <summary>
/// X-Twilio-Signature: Base64(HMAC-SHA1(auth token, URL + form parameters sorted by name, each name then value)).
/// Implemented from Twilio's published algorithm and SDK test vectors, since the SDK is not on the registry.
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    private const string BodyHashParameter = "bodySHA256";

    /// <summary>Signs a form POST (or, with no parameters, a GET or JSON-body URL) the way Twilio does.</summary>
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
        var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(BaseString(url, parameters)));
        return Convert.ToBase64String(digest);
    }

    /// <summary>
    /// True when <paramref name="presented"/> signs the request. Twilio is inconsistent about default ports
    /// (voice over HTTPS drops them, SMS keeps them), so the URL is also tried with its port removed and with
    /// the scheme's default port added, as the official SDKs do.
    /// </summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? presented)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(presented))
        {
            return false;
        }
        var materialised = parameters.ToList();
        var matched = false;
        foreach (var candidate in UrlVariants(url))
        {
            // Every variant is computed so the time taken does not reveal which one matched.
            matched |= FixedTimeEquals(Sign(authToken, candidate, materialised), presented);
        }
        return matched;
    }

    /// <summary>
    /// The JSON-body variant: the URL carries <c>bodySHA256</c> (hex SHA-256 of the raw body), the signature covers
    /// the URL alone, and the hash must match the bytes received.
    /// </summary>
    public static bool IsValidJsonBody(string authToken, string url, ReadOnlySpan<byte> body, string? presented)
    {
        var claimedHash = QueryValue(url, BodyHashParameter);
        if (claimedHash is null)
        {
            return false;
        }
        var actualHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var hashMatches = FixedTimeEquals(actualHash, claimedHash.ToLowerInvariant());
        return IsValid(authToken, url, [], presented) & hashMatches;
    }

    private static string BaseString(string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder(url);
        // Repeated names: every distinct value, in ordinal order (the Python SDK's published vector).
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                builder.Append(group.Key).Append(value);
            }
        }
        return builder.ToString();
    }

    private static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            yield break;
        }
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }
        var authority = url[authorityStart..authorityEnd];
        // The host is kept byte for byte: Twilio signs it with its original case, and System.Uri would lower-case it.
        var colon = authority.LastIndexOf(':');
        // A colon inside user info or an IPv6 literal is not a port separator.
        var hasPort = colon >= 0 && colon > authority.LastIndexOf(']') && colon > authority.LastIndexOf('@');
        if (hasPort)
        {
            yield return url[..(authorityStart + colon)] + url[authorityEnd..];
        }
        else
        {
            var scheme = url[..schemeEnd].ToLowerInvariant();
            var defaultPort = scheme switch { "https" => ":443", "http" => ":80", _ => null };
            if (defaultPort is not null)
            {
                yield return url[..authorityEnd] + defaultPort + url[authorityEnd..];
            }
        }
    }

    private static string? QueryValue(string url, string name)
    {
        var query = url.IndexOf('?');
        if (query < 0)
        {
            return null;
        }
        foreach (var pair in url[(query + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals] == name)
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }
        return null;
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
