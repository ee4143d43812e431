namespace ContactHub.Channels.Email.Mime;

/// <summary>One node of the MIME tree before bodies and attachments are chosen; Body is still transfer-encoded.</summary>
internal sealed record MimeEntity(
    MimeHeaderList Headers,
    HeaderParameters ContentType,
    HeaderParameters? Disposition,
    ReadOnlyMemory<byte> Body,
    IReadOnlyList<MimeEntity> Children)
{
    public string MediaType => ContentType.Value;

    public bool IsMultipart => MediaType.StartsWith("multipart/", StringComparison.Ordinal);

    public string? TransferEncoding => Headers.Find("Content-Transfer-Encoding")?.RawValue;

    public string? ContentId
    {
        get
        {
            var raw = Headers.Find("Content-ID")?.RawValue.Trim().Trim('<', '>').Trim();
            return string.IsNullOrEmpty(raw) ? null : raw;
        }
    }

    public bool IsMarkedAttachment => string.Equals(Disposition?.Value, "attachment", StringComparison.OrdinalIgnoreCase);

    public bool IsMarkedInline => string.Equals(Disposition?.Value, "inline", StringComparison.OrdinalIgnoreCase);

    /// <summary>Content-Disposition's filename wins over Content-Type's older name parameter.</summary>
    public string? DeclaredFileName => NonEmpty(Disposition?["filename"]) ?? NonEmpty(ContentType["name"]);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
