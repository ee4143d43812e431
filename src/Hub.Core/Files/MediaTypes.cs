using System.Text.RegularExpressions;

namespace ContactHub.Core.Files;

/// <summary>
/// Which declared media types the hub repeats to a browser. A customer picks the Content-Type of their attachment,
/// so only types a browser cannot turn into script are served as declared; everything else is a byte download.
/// </summary>
public static partial class MediaTypes
{
    public const string OctetStream = "application/octet-stream";

    /// <summary>Types served as declared from <c>/api/files/{id}</c> (always as a download, with nosniff).</summary>
    private static readonly HashSet<string> SafeToServe = new(StringComparer.Ordinal)
    {
        "application/pdf",
        "application/zip",
        "application/msword",
        "application/vnd.ms-excel",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "text/plain",
        "text/csv",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "audio/mpeg",
        "audio/ogg",
        "video/mp4",
    };

    /// <summary>Raster images a browser only ever decodes as pixels: the only types shown inside an e-mail (never SVG, which can script).</summary>
    private static readonly HashSet<string> InlineImages = new(StringComparer.Ordinal) { "image/png", "image/jpeg", "image/gif", "image/webp" };

    /// <summary>A lower-case "type/subtype" without parameters, or application/octet-stream when the value is not one.</summary>
    public static string Normalize(string? contentType)
    {
        var bare = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return bare is not null && Token().IsMatch(bare) ? bare : OctetStream;
    }

    public static bool IsSafeToServe(string contentType) => SafeToServe.Contains(contentType);

    public static bool IsInlineImage(string contentType) => InlineImages.Contains(contentType);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$")]
    private static partial Regex Token();
}
