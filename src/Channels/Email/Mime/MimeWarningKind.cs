namespace ContactHub.Channels.Email.Mime;

public enum MimeWarningKind
{
    EmptyMessage,
    NoHeaders,
    MalformedHeader,
    NulBytesRemoved,
    BoundaryNotFound,
    MissingFinalBoundary,
    NestingTooDeep,
    TooManyParts,
    AttachmentTooLarge,
    InvalidBase64,
    UnknownTransferEncoding,
    UnknownCharset,
    InvalidCharacters,
    MalformedContentType,
    MalformedAddress,
    MalformedDate,
}
