namespace ContactHub.Channels.Email.Html;

/// <summary>What the sanitiser took out, so the console and logs can tell a plain message from a hostile one.</summary>
public sealed record SanitizeCounts
{
    /// <summary>Elements removed together with their content (script, style, iframe, svg, form controls...).</summary>
    public int ElementsRemoved { get; init; }

    /// <summary>Elements outside the allowlist whose text was kept (unknown or layout-only tags, form, anchors without a usable link).</summary>
    public int ElementsUnwrapped { get; init; }

    /// <summary>Attributes dropped: event handlers, attributes outside the per-element allowlist, invalid values.</summary>
    public int AttributesRemoved { get; init; }

    /// <summary>Links and image sources dropped for a scheme outside http, https, mailto and resolvable cid.</summary>
    public int UrlsRemoved { get; init; }

    /// <summary>CSS declarations dropped from style attributes.</summary>
    public int StyleDeclarationsRemoved { get; init; }

    /// <summary>Comments, including IE conditional comments.</summary>
    public int CommentsRemoved { get; init; }

    /// <summary>Remote images whose source was withheld because remote content was not allowed.</summary>
    public int RemoteImagesBlocked { get; init; }
}
