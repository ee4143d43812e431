namespace ContactHub.Core.Files;

/// <summary>
/// What an agent may attach to a reply: common document and image types, recognised by extension (the browser's
/// declared type is not trusted), within <see cref="FileLimits"/> and at most <see cref="MaxFiles"/> files. The
/// console checks each file as it is picked, and <see cref="Services.ReplyService"/> checks the whole reply again.
/// </summary>
public static class ReplyFilePolicy
{
    public const int MaxFiles = 10;

    /// <summary>Accept list for the file picker (extensions), in the same order as <see cref="Allowed"/>.</summary>
    public const string Accept = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.doc,.docx,.xls,.xlsx,.odt,.ods,.zip";

    public const string Allowed = "PDF, PNG, JPEG, GIF, WebP, text, CSV, Word, Excel, OpenDocument and ZIP files";

    private static readonly Dictionary<string, string> TypesByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".zip"] = "application/zip",
    };

    /// <summary>The media type to send a file as, or null when its kind may not be attached.</summary>
    public static string? ContentTypeFor(string fileName) =>
        TypesByExtension.TryGetValue(Path.GetExtension(FileNameText.Clean(fileName)), out var type) ? type : null;

    /// <summary>Why this file cannot join a reply that already carries <paramref name="attachedBytes"/> in <paramref name="attachedCount"/> files, or null when it can.</summary>
    public static string? Problem(string fileName, long size, int attachedCount, long attachedBytes, FileLimits limits)
    {
        var name = FileNameText.Clean(fileName);
        if (ContentTypeFor(name) is null)
        {
            return $"“{name}” cannot be attached: only {Allowed} can be sent.";
        }
        if (attachedCount >= MaxFiles)
        {
            return $"“{name}” was not added: a reply carries at most {MaxFiles} files.";
        }
        if (size > limits.MaxFileBytes)
        {
            return $"“{name}” is too large: files can be at most {Megabytes(limits.MaxFileBytes)}.";
        }
        if (attachedBytes + size > limits.MaxMessageBytes)
        {
            return $"“{name}” was not added: all files of a reply together can be at most {Megabytes(limits.MaxMessageBytes)}.";
        }
        return null;
    }

    /// <summary>Telegram shows JPEG and PNG pictures up to this size as photos (sendPhoto); larger ones go as documents.</summary>
    public const long MaxTelegramPhotoBytes = 10 * 1024 * 1024;

    /// <summary>The Bot API's ceiling for a file a bot uploads (sendDocument).</summary>
    public const long MaxTelegramDocumentBytes = 50 * 1024 * 1024;

    /// <summary>Sent with sendPhoto (shown inline in the chat) rather than sendDocument.</summary>
    public static bool IsTelegramPhoto(string contentType, long size) =>
        contentType is "image/jpeg" or "image/png" && size <= MaxTelegramPhotoBytes;

    /// <summary>Why Telegram cannot take this file from a bot, or null when it can (as a photo or a document).</summary>
    public static string? TelegramProblem(string fileName, long size) =>
        size > MaxTelegramDocumentBytes
            ? $"“{FileNameText.Clean(fileName)}” is too large for Telegram: a bot can send files of at most {Megabytes(MaxTelegramDocumentBytes)}."
            : null;

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
