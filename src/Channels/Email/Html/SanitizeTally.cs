namespace ContactHub.Channels.Email.Html;

/// <summary>Mutable record of one sanitiser run; its counters are frozen into <see cref="SanitizeCounts"/> at the end.</summary>
internal sealed class SanitizeTally
{
    public int ElementsRemoved;
    public int ElementsUnwrapped;
    public int AttributesRemoved;
    public int UrlsRemoved;
    public int StyleDeclarationsRemoved;
    public int CommentsRemoved;
    public int RemoteImagesBlocked;

    /// <summary>Origins of resolved cid: images, in first-seen order, for the document's CSP.</summary>
    public List<string> InlineImageOrigins { get; } = [];

    public SanitizeCounts ToCounts() => new()
    {
        ElementsRemoved = ElementsRemoved,
        ElementsUnwrapped = ElementsUnwrapped,
        AttributesRemoved = AttributesRemoved,
        UrlsRemoved = UrlsRemoved,
        StyleDeclarationsRemoved = StyleDeclarationsRemoved,
        CommentsRemoved = CommentsRemoved,
        RemoteImagesBlocked = RemoteImagesBlocked,
    };
}
