namespace ContactHub.Channels.Email.Mime;

/// <summary>A decoded non-body part.</summary>
/// <param name="FileName">Decoded (RFC 2231 / RFC 2047) and reduced to its last path segment, so "../x" cannot name a path; null when the part names none.</param>
/// <param name="ContentType">Lower-case media type, e.g. "application/pdf".</param>
/// <param name="ContentId">The Content-ID without angle brackets, the target of "cid:" references in the HTML body.</param>
/// <param name="Content">The decoded bytes.</param>
public sealed record MimeAttachment(
    string? FileName,
    string ContentType,
    string? ContentId,
    MimeDisposition Disposition,
    ReadOnlyMemory<byte> Content)
{
    public int Size => Content.Length;
}
