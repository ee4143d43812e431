using ContactHub.Core.Domain;
using ContactHub.Core.Files;

namespace ContactHub.Channels.WebChat;

/// <summary>
/// What a visitor may upload: images and PDFs, recognised by extension AND by their first bytes (a browser's declared
/// type is the visitor's to choose), within the smaller of <see cref="WebChatOptions.MaxUploadBytes"/> and
/// <see cref="FileLimits.MaxFileBytes"/>.
/// </summary>
public static class VisitorUploads
{
    public const string Accept = ".png,.jpg,.jpeg,.gif,.webp,.pdf";

    public const string Allowed = "images (PNG, JPEG, GIF, WebP) and PDF files";

    private static readonly HashSet<string> Types = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"];

    public static long MaxBytes(WebChatOptions options, FileLimits limits) => Math.Min(options.MaxUploadBytes, limits.MaxFileBytes);

    /// <returns>The file to store, or the visitor's reason it was refused.</returns>
    public static (FileContent? File, string? Problem) Check(string? fileName, ReadOnlyMemory<byte> content, long maxBytes)
    {
        var name = FileNameText.Clean(fileName ?? "");
        var type = ReplyFilePolicy.ContentTypeFor(name);
        if (type is null || !Types.Contains(type))
        {
            return (null, $"“{name}” cannot be sent: only {Allowed} can be uploaded.");
        }
        if (content.Length == 0)
        {
            return (null, $"“{name}” is empty.");
        }
        if (content.Length > maxBytes)
        {
            return (null, $"“{name}” is too large: files can be at most {maxBytes / (1024 * 1024)} MB.");
        }
        if (!LooksLike(type, content.Span))
        {
            return (null, $"“{name}” does not look like the {type.Split('/')[1].ToUpperInvariant()} file its name says it is.");
        }
        return (new FileContent(name, type, content), null);
    }

    /// <summary>The format's signature at the start of the file, so a script renamed to .png is refused.</summary>
    public static bool LooksLike(string type, ReadOnlySpan<byte> bytes) => type switch
    {
        "image/png" => bytes.StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]),
        "image/gif" => bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8),
        "image/webp" => bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8),
        "application/pdf" => bytes.StartsWith("%PDF-"u8),
        _ => false,
    };
}
