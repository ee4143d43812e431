namespace ContactHub.Channels.Email.Mime;

/// <summary>Limits that keep one hostile or huge message from exhausting memory or stack.</summary>
public sealed record MimeReaderOptions
{
    /// <summary>Decoded attachments larger than this lose their bytes (a warning says so; they stay in the raw source) but keep name and size.</summary>
    public int MaxAttachmentBytes { get; init; } = 25 * 1024 * 1024;

    /// <summary>Body parts beyond this count are not read; a warning says so.</summary>
    public int MaxParts { get; init; } = 500;

    /// <summary>Multiparts nested deeper than this are not opened, so a crafted message cannot recurse without end.</summary>
    public int MaxDepth { get; init; } = 20;
}
