namespace ContactHub.Channels.Email.Html;

/// <summary>
/// A body fragment that passed <see cref="EmailHtmlSanitizer"/>. Still meant for a sandboxed iframe built by
/// <see cref="SanitizedHtmlDocument"/>, never for direct insertion into the console's own DOM.
/// </summary>
public sealed record SafeHtml
{
    /// <summary>The sanitised content of the body element (no html, head or body tags).</summary>
    public required string Html { get; init; }

    /// <summary>True when at least one remote image was withheld, so the console should offer "load images".</summary>
    public bool RemoteContentBlocked => Removed.RemoteImagesBlocked > 0;

    /// <summary>Whether remote images were allowed for this run; the document's CSP follows it.</summary>
    public required bool RemoteImagesAllowed { get; init; }

    /// <summary>Origins (scheme://host[:port]) of the hub URLs that cid: images resolved to, for the CSP img-src.</summary>
    public required IReadOnlyList<string> InlineImageOrigins { get; init; }

    /// <summary>What was taken out; non-zero counts on a plain-looking message are worth a log line.</summary>
    public required SanitizeCounts Removed { get; init; }
}
