namespace ContactHub.Core.Files;

/// <summary>
/// Bound from <c>Files</c>: how large stored attachments may be. A file over a limit is listed as "too large" on its
/// interaction instead of stored; nothing is lost, because the raw source of the message is kept.
/// </summary>
public sealed class FileLimits
{
    public const string Section = "Files";

    /// <summary>One file; 15 MB by default (large enough for scans and photos, small enough for a database row).</summary>
    public long MaxFileBytes { get; set; } = 15 * 1024 * 1024;

    /// <summary>All the files of one message together; files past it are listed as too large, in message order.</summary>
    public long MaxMessageBytes { get; set; } = 30 * 1024 * 1024;
}
