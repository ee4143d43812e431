using System.Text;

namespace ContactHub.Server.Api;

/// <summary>
/// Content-Disposition for a download (RFC 6266): an ASCII <c>filename</c> for old clients and the exact name as
/// <c>filename*=UTF-8''...</c> (RFC 8187 percent-encoding). The name is already cleaned when stored; this only
/// encodes it, so quotes, semicolons and line breaks can never end the header value.
/// </summary>
public static class ContentDispositionValue
{
    public static string Attachment(string fileName) =>
        $"attachment; filename=\"{AsciiFallback(fileName)}\"; filename*=UTF-8''{PercentEncode(fileName)}";

    private static string AsciiFallback(string name)
    {
        var fallback = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            fallback.Append(c is >= ' ' and <= '~' and not '"' and not '\\' and not '%' ? c : '_');
        }
        return fallback.ToString();
    }

    /// <summary>attr-char of RFC 8187 stays as is; every other UTF-8 byte becomes %XX.</summary>
    private static string PercentEncode(string name)
    {
        var encoded = new StringBuilder(name.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
