namespace ContactHub.Agents.Blazor.History;

/// <summary>
/// Attachment URLs come from customers and providers. Blazor escapes text but not the scheme of an href,
/// so only web links and paths on this site become links; anything else ("javascript:", "data:") shows as text.
/// </summary>
public static class SafeLink
{
    public static string? Href(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(char.IsControl))
        {
            return null;
        }
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/'))
        {
            return trimmed.Length > 1 && trimmed[1] is '/' or '\\' ? null : trimmed;
        }
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>The name to show: the file name if known, else the last path segment, else a generic word.</summary>
    public static string Label(string? fileName, string? url)
    {
        if (!string.IsNullOrWhiteSpace(fileName))
        {
            return fileName;
        }
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var last = uri.Segments.LastOrDefault()?.Trim('/');
            if (!string.IsNullOrEmpty(last))
            {
                return Uri.UnescapeDataString(last);
            }
        }
        return "attachment";
    }
}
