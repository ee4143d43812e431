using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ContactHub.StandIns.Telegram;

/// <summary>A file a customer sent, kept as Telegram keeps it: getFile names <see cref="FilePath"/>, downloadable under /file/bot&lt;token&gt;/.</summary>
public sealed record BotFile(string FileId, string FileUniqueId, string FilePath, byte[] Content, string ContentType);

/// <summary>Files customers sent to the bot (photos, documents, voice notes).</summary>
public sealed class BotFiles
{
    private readonly ConcurrentDictionary<string, BotFile> byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BotFile> byPath = new(StringComparer.Ordinal);
    private int counter;

    /// <param name="folder">Telegram's own folders: "photos", "documents", "voice".</param>
    public BotFile Add(byte[] content, string contentType, string folder, string extension)
    {
        var number = Interlocked.Increment(ref counter);
        var file = new BotFile(
            "AgAC" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            "AQAD" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)),
            $"{folder}/file_{number}{extension}",
            content,
            contentType);
        byId[file.FileId] = file;
        byPath[file.FilePath] = file;
        return file;
    }

    public BotFile? Find(string fileId) => byId.GetValueOrDefault(fileId);

    public BotFile? FindByPath(string filePath) => byPath.GetValueOrDefault(filePath);
}
