namespace ContactHub.Channels.Email.Mime;

/// <summary>Reads raw RFC 5322 / MIME bytes into a <see cref="MimeMessage"/>. Never throws on malformed mail:
/// whatever cannot be read is skipped and reported in <see cref="MimeMessage.Warnings"/>.</summary>
public sealed class MimeReader(MimeReaderOptions? options = null)
{
    private readonly MimeReaderOptions _options = options ?? new MimeReaderOptions();

    public MimeMessage Read(byte[] source) => Read(source.AsMemory());

    public MimeMessage Read(ReadOnlyMemory<byte> source)
    {
        // Our own copy: the message stays immutable even if the caller reuses its buffer.
        ReadOnlyMemory<byte> raw = source.ToArray();
        var warnings = new WarningCollector();
        if (raw.IsEmpty)
            warnings.Add(MimeWarningKind.EmptyMessage, "the message has no bytes");
        var root = new EntityReader(_options, warnings).Read(raw, depth: 0);
        if (!raw.IsEmpty && root.Headers.Count == 0)
            warnings.Add(MimeWarningKind.NoHeaders, "the message has no header fields");
        var (plain, html, attachments) = new BodyCollector(_options, warnings).Collect(root);
        var headers = root.Headers;
        string? RawOf(string name) => headers.Find(name)?.RawValue;
        return new MimeMessage
        {
            Raw = raw,
            Headers = headers,
            From = AddressParser.Parse(RawOf("From"), warnings),
            To = AddressesOf(headers, "To", warnings),
            Cc = AddressesOf(headers, "Cc", warnings),
            ReplyTo = AddressParser.Parse(RawOf("Reply-To"), warnings),
            Subject = headers.Find("Subject")?.Value ?? "",
            Date = DateParser.Parse(RawOf("Date"), warnings),
            MessageId = MessageIds.ParseFirst(RawOf("Message-ID")),
            InReplyTo = MessageIds.ParseFirst(RawOf("In-Reply-To")),
            References = MessageIds.ParseAll(RawOf("References")),
            AutoSubmitted = RawOf("Auto-Submitted"),
            Precedence = RawOf("Precedence"),
            ListId = RawOf("List-Id"),
            XAutoreply = RawOf("X-Autoreply"),
            TextBody = plain ?? (html is null ? "" : HtmlToText.Convert(html)),
            TextBodyDerivedFromHtml = plain is null && html is not null,
            UnsafeHtmlBody = html,
            Attachments = attachments,
            Warnings = warnings.ToReadOnly(),
        };
    }

    /// <summary>To and Cc may legally appear more than once in resent or sloppy mail; all occurrences count.</summary>
    private static IReadOnlyList<MimeMailbox> AddressesOf(MimeHeaderList headers, string name, WarningCollector warnings) =>
        headers.FindAll(name).SelectMany(h => AddressParser.Parse(h.RawValue, warnings)).ToArray().AsReadOnly();
}
