namespace ContactHub.Channels.Email.Mime;

/// <summary>Walks the MIME tree and decides what is the text body, the HTML body and the attachments.</summary>
internal sealed class BodyCollector(MimeReaderOptions options, WarningCollector warnings)
{
    private sealed class Slots
    {
        public string? Plain;
        public string? Html;
        public readonly List<MimeAttachment> Attachments = [];
    }

    public (string? Plain, string? Html, IReadOnlyList<MimeAttachment> Attachments) Collect(MimeEntity root)
    {
        var slots = new Slots();
        Walk(root, slots, insideRelated: false);
        return (slots.Plain, slots.Html, slots.Attachments.AsReadOnly());
    }

    private void Walk(MimeEntity entity, Slots slots, bool insideRelated)
    {
        if (entity.IsMultipart)
        {
            // A multipart that was not opened (too deep) has no children; its bytes stay in the raw source.
            switch (entity.MediaType)
            {
                case "multipart/alternative":
                    WalkAlternative(entity, slots, insideRelated);
                    break;
                case "multipart/related":
                    WalkRelated(entity, slots);
                    break;
                default:
                    foreach (var child in entity.Children)
                        Walk(child, slots, insideRelated);
                    break;
            }
            return;
        }
        if (IsBodyText(entity))
        {
            var text = DecodeText(entity);
            if (entity.MediaType == "text/html" && slots.Html is null)
            {
                slots.Html = text;
                return;
            }
            if (entity.MediaType == "text/plain" && slots.Plain is null)
            {
                slots.Plain = text;
                return;
            }
        }
        AddAttachment(entity, slots, insideRelated);
    }

    /// <summary>Alternatives are ordered plainest first (RFC 2046 5.1.4), so the last branch with HTML is the richest;
    /// the last branch with plain text gives the text body. Attachments of every branch are kept.</summary>
    private void WalkAlternative(MimeEntity entity, Slots slots, bool insideRelated)
    {
        var branches = new List<Slots>();
        foreach (var child in entity.Children)
        {
            var branch = new Slots();
            Walk(child, branch, insideRelated);
            branches.Add(branch);
            slots.Attachments.AddRange(branch.Attachments);
        }
        var html = branches.LastOrDefault(b => b.Html is not null)?.Html;
        var plain = branches.LastOrDefault(b => b.Plain is not null)?.Plain;
        slots.Html ??= html;
        slots.Plain ??= plain;
    }

    /// <summary>The root (named by the start parameter, else the first part) is the body; the other parts are what it references by cid:.</summary>
    private void WalkRelated(MimeEntity entity, Slots slots)
    {
        if (entity.Children.Count == 0)
            return;
        var start = entity.ContentType["start"]?.Trim().Trim('<', '>');
        var root = entity.Children.FirstOrDefault(c => start is not null && c.ContentId == start) ?? entity.Children[0];
        Walk(root, slots, insideRelated: true);
        foreach (var child in entity.Children.Where(c => !ReferenceEquals(c, root)))
            Walk(child, slots, insideRelated: true);
    }

    private static bool IsBodyText(MimeEntity entity) =>
        entity.MediaType is "text/plain" or "text/html"
        && !entity.IsMarkedAttachment
        && entity.Disposition?["filename"] is null;

    private string DecodeText(MimeEntity entity)
    {
        var bytes = TransferDecoding.Decode(entity.Body.Span, entity.TransferEncoding, warnings, entity.MediaType);
        var text = Charsets.Decode(bytes, entity.ContentType["charset"], warnings, entity.MediaType);
        if (text.Contains('\0'))
        {
            warnings.Add(MimeWarningKind.NulBytesRemoved, $"{entity.MediaType}: NUL characters removed from the body");
            text = text.Replace("\0", "", StringComparison.Ordinal);
        }
        text = text.ReplaceLineEndings("\n");
        if (entity.MediaType == "text/plain" && string.Equals(entity.ContentType["format"], "flowed", StringComparison.OrdinalIgnoreCase))
            text = FormatFlowed.Unflow(text, string.Equals(entity.ContentType["delsp"], "yes", StringComparison.OrdinalIgnoreCase));
        return text;
    }

    private void AddAttachment(MimeEntity entity, Slots slots, bool insideRelated)
    {
        var bytes = TransferDecoding.Decode(entity.Body.Span, entity.TransferEncoding, warnings, entity.MediaType);
        var fileName = FileNames.Sanitize(entity.DeclaredFileName);
        if (bytes.Length > options.MaxAttachmentBytes)
        {
            warnings.Add(MimeWarningKind.AttachmentTooLarge,
                $"{fileName ?? entity.MediaType}: {bytes.Length} bytes exceed the limit of {options.MaxAttachmentBytes}; dropped, still in the raw source");
            slots.Attachments.Add(new MimeAttachment(fileName, entity.MediaType, entity.ContentId, DispositionOf(entity, insideRelated), ReadOnlyMemory<byte>.Empty)
            {
                OmittedSize = bytes.Length,
            });
            return;
        }
        slots.Attachments.Add(new MimeAttachment(fileName, entity.MediaType, entity.ContentId, DispositionOf(entity, insideRelated), bytes));
    }

    private static MimeDisposition DispositionOf(MimeEntity entity, bool insideRelated)
    {
        if (entity.IsMarkedAttachment)
            return MimeDisposition.Attachment;
        if (entity.IsMarkedInline || (insideRelated && entity.ContentId is not null))
            return MimeDisposition.Inline;
        return MimeDisposition.Attachment;
    }
}
