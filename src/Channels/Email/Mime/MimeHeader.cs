namespace ContactHub.Channels.Email.Mime;

/// <summary>One header field, unfolded.</summary>
/// <param name="Name">The field name as written (compare it case-insensitively).</param>
/// <param name="Value">The value with RFC 2047 encoded words decoded and line breaks removed, for display.</param>
/// <param name="RawValue">The unfolded value before any decoding, for structured parsing and audits.</param>
public sealed record MimeHeader(string Name, string Value, string RawValue);
