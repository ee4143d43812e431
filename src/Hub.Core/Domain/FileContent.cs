namespace ContactHub.Core.Domain;

/// <summary>
/// A file's name, type and bytes as a channel received it or an agent attached it. The shared append path and the
/// outbox keep it in <c>interaction_files</c>, in the same transaction as its interaction.
/// </summary>
/// <param name="FileName">As the sender named it; the store keeps only a cleaned last path segment (<see cref="Files.FileNameText"/>).</param>
/// <param name="ContentType">Lower-case "type/subtype" as declared; never trusted for display (downloads get a safe type).</param>
public sealed record FileContent(string? FileName, string ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>The MIME Content-ID (without angle brackets) an HTML body names as <c>cid:</c>; null for other channels.</summary>
    public string? ContentId { get; init; }

    /// <summary>Shown inside the message (an image the HTML body references by cid), so not listed as an attachment.</summary>
    public bool IsInline { get; init; }

    /// <summary>Set when the channel already dropped the bytes for size: the file is listed as too large, never stored.</summary>
    public long? OmittedSize { get; init; }

    public long Size => OmittedSize ?? Content.Length;
}
