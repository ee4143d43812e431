using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Email.Smtp;

/// <summary>A file attached to a reply.</summary>
/// <param name="FileName">Any Unicode name; non-ASCII names are written with RFC 2231.</param>
/// <param name="ContentType">"type/subtype", e.g. "application/pdf".</param>
public sealed record ReplyAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>What an agent (or an automatic rule) answers to a customer's e-mail.</summary>
public sealed record ReplyDraft
{
    /// <summary>The queue's address and display name, e.g. "Acme Support" &lt;support@example.net&gt;.</summary>
    public required MimeMailbox From { get; init; }
    public required IReadOnlyList<MimeMailbox> To { get; init; }
    public IReadOnlyList<MimeMailbox> Cc { get; init; } = [];

    /// <summary>Where the customer's answer should go when not to <see cref="From"/> (a plus-address carrying the conversation token).</summary>
    public MimeMailbox? ReplyTo { get; init; }

    /// <summary>The subject of the customer's message; "Re: " is added unless it already starts with it.</summary>
    public required string Subject { get; init; }

    /// <summary>The customer's Message-ID (with or without angle brackets); null when unknown.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The customer's References; the composer appends <see cref="InReplyTo"/>.</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    public required string TextBody { get; init; }
    public string? HtmlBody { get; init; }
    public IReadOnlyList<ReplyAttachment> Attachments { get; init; } = [];

    /// <summary>Marks the reply "Auto-Submitted: auto-replied" (RFC 3834) so other robots do not answer it.</summary>
    public bool IsAutomatic { get; init; }

    /// <summary>A reply to <paramref name="customerMail"/>: to its Reply-To (else From), same subject, threaded.</summary>
    public static ReplyDraft Answering(MimeMessage customerMail, MimeMailbox from, string textBody) => new()
    {
        From = from,
        To = customerMail.ReplyTo.Count > 0 ? customerMail.ReplyTo : customerMail.From,
        Subject = customerMail.Subject,
        InReplyTo = customerMail.MessageId,
        References = customerMail.References,
        TextBody = textBody,
    };
}

/// <summary>A composed message ready for <see cref="SmtpClient"/>.</summary>
/// <param name="Content">The RFC 5322 bytes, CRLF line ends, 7-bit.</param>
/// <param name="MessageId">The new Message-ID without angle brackets; store it to thread the customer's answer.</param>
public sealed record ComposedMessage(byte[] Content, string MessageId);
