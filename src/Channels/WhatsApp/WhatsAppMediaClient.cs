using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactHub.Core.Domain;
using ContactHub.Core.Files;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WhatsApp;

/// <summary>The media's metadata: <c>GET /{version}/{media-id}</c> answers where to fetch the bytes (a short-lived URL).</summary>
public sealed record WhatsAppMediaInfo(
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("mime_type")] string? MimeType,
    [property: JsonPropertyName("sha256")] string? Sha256,
    [property: JsonPropertyName("file_size")] long? FileSize,
    [property: JsonPropertyName("id")] string? Id);

/// <summary>What fetching one media item gave: the file, or why not and whether trying again later could help.</summary>
public sealed record MediaFetch(FileContent? File, string? Problem, bool IsTransient);

/// <summary>
/// Downloads inbound media in the Cloud API's two steps, both with the Bearer token: the metadata, then the bytes from
/// the URL it names. Files over <see cref="FileLimits"/> are listed as too large instead of downloaded.
/// </summary>
public sealed class WhatsAppMediaClient(HttpClient http, IOptions<WhatsAppOptions> options, IOptions<FileLimits> fileLimits)
{
    public async Task<MediaFetch> FetchAsync(WhatsAppMediaRef media, string kind, CancellationToken cancellationToken)
    {
        var whatsApp = options.Value;
        var name = FileName(media, kind);
        try
        {
            using var infoRequest = Authorized(HttpMethod.Get, $"{whatsApp.GraphRoot}/{Uri.EscapeDataString(media.Id!)}", whatsApp.AccessToken);
            using var infoResponse = await http.SendAsync(infoRequest, cancellationToken);
            if (!infoResponse.IsSuccessStatusCode)
            {
                return Failed(infoResponse, $"WhatsApp would not describe {kind} {media.Id}");
            }
            var info = await infoResponse.Content.ReadFromJsonAsync(WhatsAppJsonContext.Default.WhatsAppMediaInfo, cancellationToken);
            if (info?.Url is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                return new MediaFetch(null, $"WhatsApp named no download URL for {kind} {media.Id}.", IsTransient: false);
            }
            var contentType = MediaTypes.Normalize(info.MimeType ?? media.MimeType);
            var limit = fileLimits.Value.MaxFileBytes;
            if (info.FileSize > limit)
            {
                return new MediaFetch(new FileContent(name, contentType, ReadOnlyMemory<byte>.Empty) { OmittedSize = info.FileSize }, null, false);
            }
            using var download = Authorized(HttpMethod.Get, url, whatsApp.AccessToken);
            using var response = await http.SendAsync(download, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Failed(response, $"Downloading {kind} {media.Id} from WhatsApp failed");
            }
            var bytes = await ReadBoundedAsync(await response.Content.ReadAsStreamAsync(cancellationToken), limit, cancellationToken);
            if (bytes is null)
            {
                return new MediaFetch(new FileContent(name, contentType, ReadOnlyMemory<byte>.Empty) { OmittedSize = limit + 1 }, null, false);
            }
            var expectedHash = info.Sha256 ?? media.Sha256;
            if (expectedHash is { Length: > 0 } && !HashMatches(bytes, expectedHash))
            {
                return new MediaFetch(null, $"The {kind} downloaded from WhatsApp does not match its SHA-256; it was corrupted on the way.", IsTransient: true);
            }
            return new MediaFetch(new FileContent(name, contentType, bytes), null, false);
        }
        catch (HttpRequestException error)
        {
            return new MediaFetch(null, $"WhatsApp could not be reached for {kind} {media.Id}: {error.Message}", IsTransient: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new MediaFetch(null, $"WhatsApp did not send {kind} {media.Id} in time.", IsTransient: true);
        }
        catch (JsonException)
        {
            return new MediaFetch(null, $"WhatsApp described {kind} {media.Id} in a form the hub cannot read.", IsTransient: false);
        }
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>A 5xx or 429 may pass; a 4xx (media expired, deleted, not ours) will not.</summary>
    private static MediaFetch Failed(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        return new MediaFetch(null, $"{what} ({status}).", IsTransient: status >= 500 || status == 429);
    }

    /// <summary>Meta's sha256 is hex on some payloads and base64 on others; either is accepted.</summary>
    private static bool HashMatches(byte[] bytes, string expected)
    {
        var actual = SHA256.HashData(bytes);
        return string.Equals(Convert.ToHexString(actual), expected, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Convert.ToBase64String(actual), expected, StringComparison.Ordinal);
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The customer's own file name for documents; a descriptive one with the type's extension otherwise.</summary>
    private static string FileName(WhatsAppMediaRef media, string kind)
    {
        if (!string.IsNullOrWhiteSpace(media.FileName))
        {
            return FileNameText.Clean(media.FileName);
        }
        var extension = MediaTypes.Normalize(media.MimeType) switch
        {
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            "image/webp" => ".webp",
            "audio/ogg" => ".ogg",
            "audio/mpeg" => ".mp3",
            "audio/mp4" or "audio/aac" => ".m4a",
            "application/pdf" => ".pdf",
            _ => "",
        };
        return (kind == "audio" && media.Voice == true ? "voice-message" : $"whatsapp-{kind}") + extension;
    }
}
