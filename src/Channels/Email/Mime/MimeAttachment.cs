namespace ContactHub.Channels.Email.Mime;

/// <summary>A decoded non-body part.</summary>
/// <param name="FileName">Decoded (RFC 2231 / RFC 2047) and reduced to its last path segment, so "../x" cannot name a path; null when the part names none.</param>
/// <param name="ContentType">Lower-case media type, e.g. "application/pdf".</param>
/// <param name="ContentId">The Content-ID without angle brackets, the target of "cid:" references in the HTML body.</param>
/// <param name="Content">The decoded bytes; empty when the part was over the reader's limit (see <see cref="OmittedSize"/>).</param>
public sealed record MimeAttachment(
    string? FileName,
    string ContentType,
    string? ContentId,
    MimeDisposition Disposition,
    ReadOnlyMemory<byte> Content)
{
    /// <summary>The decoded size of a part over <see cref="MimeReaderOptions.MaxAttachmentBytes"/>: its bytes were dropped
    /// (they stay in the raw source), its name and size are kept so the hub can list it as too large.</summary>
    public int? OmittedSize { get; init; }

    public int Size => OmittedSize ?? Content.Length;
}
