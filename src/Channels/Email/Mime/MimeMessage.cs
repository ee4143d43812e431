namespace ContactHub.Channels.Email.Mime;

/// <summary>An e-mail read by <see cref="MimeReader"/>. Immutable; every field is best effort, problems are in <see cref="Warnings"/>.</summary>
public sealed record MimeMessage
{
    /// <summary>The bytes the message was read from, kept whole so nothing dropped by the reader is lost.</summary>
    public required ReadOnlyMemory<byte> Raw { get; init; }

    public required MimeHeaderList Headers { get; init; }

    public required IReadOnlyList<MimeMailbox> From { get; init; }
    public required IReadOnlyList<MimeMailbox> To { get; init; }
    public required IReadOnlyList<MimeMailbox> Cc { get; init; }
    public required IReadOnlyList<MimeMailbox> ReplyTo { get; init; }

    /// <summary>Decoded, single line; empty when absent.</summary>
    public required string Subject { get; init; }

    public required DateTimeOffset? Date { get; init; }

    /// <summary>Message ids are given without angle brackets, the same way in all three threading fields.</summary>
    public required string? MessageId { get; init; }
    public required string? InReplyTo { get; init; }
    public required IReadOnlyList<string> References { get; init; }

    /// <summary>Raw values of the headers that mark machine-sent mail (auto-replies, lists), for loop prevention.</summary>
    public required string? AutoSubmitted { get; init; }
    public required string? Precedence { get; init; }
    public required string? ListId { get; init; }
    public required string? XAutoreply { get; init; }

    /// <summary>The best text/plain body, or text derived from the HTML body when there is none (see <see cref="TextBodyDerivedFromHtml"/>); line breaks are "\n".</summary>
    public required string TextBody { get; init; }

    public required bool TextBodyDerivedFromHtml { get; init; }

    /// <summary>The decoded HTML body exactly as the sender wrote it. UNSANITISED: it may carry scripts or tracking; never render it without the HTML sanitizer.</summary>
    public required string? UnsafeHtmlBody { get; init; }

    public required IReadOnlyList<MimeAttachment> Attachments { get; init; }

    public required IReadOnlyList<MimeWarning> Warnings { get; init; }
}
