namespace ContactHub.Channels.Email.Html;

/// <summary>How much of a customer's e-mail HTML may reach out of the hub when an agent views it.</summary>
public sealed record SanitizeOptions
{
    /// <summary>The default: remote images stay blocked until the agent clicks "load images", and no inline images resolve.</summary>
    public static SanitizeOptions Default { get; } = new();

    /// <summary>
    /// False by default: a remote image is a read receipt (tracking pixel) and leaks the agent's IP address, so the
    /// agent opts in per message. When false, remote <c>img</c> elements keep their size and alt text but lose
    /// their <c>src</c>; to show them, sanitise the original HTML again with this set to true.
    /// </summary>
    public bool AllowRemoteImages { get; init; }

    /// <summary>
    /// Maps a Content-ID (from a <c>cid:</c> URL, percent-decoded, without angle brackets) to the absolute http(s)
    /// URL at which the hub serves that MIME part, or null when the message has no such part. Relative URLs are
    /// refused because the sandboxed document has no useful base URL and its CSP lists image origins explicitly.
    /// </summary>
    public Func<string, string?>? ResolveContentId { get; init; }
}
