namespace ContactHub.Channels.Email.Mime;

/// <summary>Reads the MIME tree, within the depth and part limits of the options.</summary>
internal sealed class EntityReader(MimeReaderOptions options, WarningCollector warnings)
{
    private static readonly HeaderParameters DefaultContentType =
        new("text/plain", new Dictionary<string, string> { ["charset"] = "us-ascii" });

    private int _parts;
    private bool _tooManyPartsReported;

    public MimeEntity Read(ReadOnlyMemory<byte> data, int depth)
    {
        _parts++;
        var block = HeaderBlock.Read(data.Span, depth == 0, warnings);
        var headers = Decode(block.Fields);
        var body = data[block.BodyStart..];
        var contentType = ReadContentType(headers);
        var dispositionRaw = headers.Find("Content-Disposition")?.RawValue;
        var disposition = dispositionRaw is null ? null : HeaderParameters.Parse(dispositionRaw, warnings);
        var entity = new MimeEntity(headers, contentType, disposition, body, []);
        return entity.IsMultipart ? ReadChildren(entity, depth) : entity;
    }

    private MimeEntity ReadChildren(MimeEntity entity, int depth)
    {
        if (depth + 1 > options.MaxDepth)
        {
            warnings.Add(MimeWarningKind.NestingTooDeep, $"multiparts nested deeper than {options.MaxDepth} were not opened");
            return entity;
        }
        var split = MultipartSplitter.Split(entity.Body, entity.ContentType["boundary"] ?? "");
        if (!split.BoundaryFound)
        {
            warnings.Add(MimeWarningKind.BoundaryNotFound, $"{entity.MediaType}: boundary never found, the body is read as plain text");
            return entity with { ContentType = DefaultContentType };
        }
        if (!split.Closed)
            warnings.Add(MimeWarningKind.MissingFinalBoundary, $"{entity.MediaType}: no closing boundary, the last part runs to the end");
        var children = new List<MimeEntity>();
        foreach (var part in split.Parts)
        {
            if (_parts >= options.MaxParts)
            {
                ReportTooManyParts();
                break;
            }
            children.Add(Read(part, depth + 1));
        }
        return entity with { Children = children.AsReadOnly() };
    }

    private void ReportTooManyParts()
    {
        if (_tooManyPartsReported)
            return;
        _tooManyPartsReported = true;
        warnings.Add(MimeWarningKind.TooManyParts, $"parts beyond {options.MaxParts} were dropped; they remain in the raw source");
    }

    private HeaderParameters ReadContentType(MimeHeaderList headers)
    {
        var raw = headers.Find("Content-Type")?.RawValue;
        if (raw is null)
            return DefaultContentType;
        var parsed = HeaderParameters.Parse(raw, warnings);
        var mediaType = parsed.Value.ToLowerInvariant();
        var slash = mediaType.IndexOf('/');
        if (slash <= 0 || slash == mediaType.Length - 1 || mediaType.Any(char.IsWhiteSpace))
        {
            warnings.Add(MimeWarningKind.MalformedContentType, $"Content-Type '{HeaderText.SingleLine(raw)}' is malformed, read as text/plain");
            return DefaultContentType with { Parameters = parsed.Parameters };
        }
        return parsed with { Value = mediaType };
    }

    private MimeHeaderList Decode(IReadOnlyList<HeaderBlock.RawField> fields) =>
        new(fields.Select(f => new MimeHeader(f.Name, HeaderText.Decode(f.RawValue, warnings), f.RawValue)).ToArray());
}
