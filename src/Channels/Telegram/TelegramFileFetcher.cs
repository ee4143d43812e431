using System.Net;
using ContactHub.Core.Domain;
using ContactHub.Core.Files;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Telegram;

/// <summary>A file fetched for an interaction, or why it could not be (said to the agent in the message's text).</summary>
public sealed record TelegramFetchedFile(FileContent? File, string? Problem);

/// <summary>
/// Brings a message's file from Telegram into the hub (getFile, then the download URL) so it is stored with its
/// interaction, like an e-mail attachment. Files over <see cref="FileLimits"/> or Telegram's download limit are listed
/// as too large instead of fetched.
/// </summary>
public sealed class TelegramFileFetcher(TelegramBotApi api, IOptions<FileLimits> limits)
{
    /// <summary>Telegram lets bots download files of at most 20 MB.</summary>
    public const long MaxDownloadBytes = 20 * 1024 * 1024;

    /// <exception cref="TelegramUnavailableException">Telegram could not be asked now (rate limit, 5xx, network): try again later.</exception>
    public async Task<TelegramFetchedFile> FetchAsync(TelegramFileReference file, CancellationToken cancellationToken)
    {
        var max = Math.Min(MaxDownloadBytes, limits.Value.MaxFileBytes);
        if (file.FileSize > max)
        {
            return new TelegramFetchedFile(TooLarge(file, file.FileSize.Value), null);
        }
        var located = await api.GetFileAsync(file.FileId, cancellationToken);
        switch (located.Outcome)
        {
            case TelegramCallOutcome.Ok when located.Result is { FilePath.Length: > 0 } found:
                return await DownloadAsync(file, found.FilePath, max, cancellationToken);
            case TelegramCallOutcome.Refused when located.Description.Contains("too big", StringComparison.OrdinalIgnoreCase):
                return new TelegramFetchedFile(TooLarge(file, file.FileSize ?? max + 1), null);
            case TelegramCallOutcome.Refused or TelegramCallOutcome.Ok:
                return new TelegramFetchedFile(null, $"[{file.FileName} could not be fetched from Telegram: {located.Description}]");
            default:
                throw new TelegramUnavailableException($"getFile for {file.FileName}: {located.Description}");
        }
    }

    private async Task<TelegramFetchedFile> DownloadAsync(TelegramFileReference file, string filePath, long max, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = await api.DownloadAsync(filePath, max, cancellationToken);
        }
        catch (HttpRequestException error) when (error.StatusCode is { } status && (int)status is >= 400 and < 500 && status != HttpStatusCode.TooManyRequests)
        {
            return new TelegramFetchedFile(null, $"[{file.FileName} could not be downloaded from Telegram ({(int)status})]");
        }
        catch (HttpRequestException error)
        {
            throw new TelegramUnavailableException($"downloading {file.FileName}: {error.HttpRequestError}", error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TelegramUnavailableException($"downloading {file.FileName} timed out", error);
        }
        return bytes is null
            ? new TelegramFetchedFile(TooLarge(file, max + 1), null)
            : new TelegramFetchedFile(new FileContent(file.FileName, file.ContentType, bytes), null);
    }

    private static FileContent TooLarge(TelegramFileReference file, long size) =>
        new(file.FileName, file.ContentType, ReadOnlyMemory<byte>.Empty) { OmittedSize = size };
}

/// <summary>Telegram could not be reached or asked us to wait: the update is not handled now and must be retried, not dropped.</summary>
public sealed class TelegramUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
