namespace ContactHub.Channels.Email.Mime;

/// <summary>Something in the message was wrong and was read leniently instead of failing.</summary>
public sealed record MimeWarning(MimeWarningKind Kind, string Detail);
