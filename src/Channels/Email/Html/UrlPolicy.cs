namespace ContactHub.Channels.Email.Html;

/// <summary>
/// Decides which URLs may appear in the output. Attribute values arrive entity-decoded from the parser, so
/// <c>java&amp;#x09;script:</c> is seen here as <c>java\tscript:</c>. The URL is cleaned the way browsers clean it
/// (leading/trailing controls and spaces trimmed, tabs and newlines removed anywhere), parsed as an absolute URI,
/// checked against a scheme allowlist, and re-serialised by <see cref="Uri"/>: the output always starts with the
/// allowed scheme itself, whatever obfuscation the input used.
/// </summary>
internal static class UrlPolicy
{
    private const string ContentIdScheme = "cid:";

    /// <summary>A link target: http, https or mailto; anything else (javascript:, data:, relative...) is refused.</summary>
    public static string? Link(string raw)
    {
        var uri = Parse(raw);
        return uri is not null && (IsWeb(uri) || uri.Scheme == Uri.UriSchemeMailto) ? uri.AbsoluteUri : null;
    }

    /// <summary>An absolute http or https URL, or null.</summary>
    public static Uri? Web(string raw)
    {
        var uri = Parse(raw);
        return uri is not null && IsWeb(uri) ? uri : null;
    }

    /// <summary>The Content-ID of a <c>cid:</c> URL (RFC 2392: percent-encoded), or null for any other URL.</summary>
    public static string? ContentId(string raw)
    {
        var cleaned = Clean(raw);
        if (cleaned is null || !cleaned.StartsWith(ContentIdScheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var id = Uri.UnescapeDataString(cleaned[ContentIdScheme.Length..]).Trim('<', '>');
        return id.Length == 0 ? null : id;
    }

    private static bool IsWeb(Uri uri) =>
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

    private static Uri? Parse(string raw)
    {
        var cleaned = Clean(raw);
        // Relative URLs are refused: inside a srcdoc iframe they resolve against the console's own origin.
        return cleaned is not null && Uri.TryCreate(cleaned, UriKind.Absolute, out var uri) ? uri : null;
    }

    private static string? Clean(string raw)
    {
        var trimmed = raw.Trim(TrimmedByBrowsers);
        var cleaned = trimmed.Replace("\t", "").Replace("\n", "").Replace("\r", "");
        foreach (var c in cleaned)
        {
            // Any other control character is a sign of an evasion attempt, not of a real link.
            if (char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            {
                return null;
            }
        }
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>The WHATWG URL parser strips leading and trailing C0 controls and spaces.</summary>
    private static readonly char[] TrimmedByBrowsers = Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray();
}
