using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ContactHub.Channels.Twilio;

/// <summary>
/// Reads a webhook body with a hard size cap. The cap is checked on Content-Length and again while reading,
/// because a chunked body has no length to check up front.
/// </summary>
public static class TwilioFormReader
{
    /// <summary>Twilio's largest payloads (1600-char body, ten media URLs, geo fields) stay far below this.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<TwilioFormReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }
        if (!IsFormContentType(request.ContentType))
        {
            return TwilioFormReadResult.Failure(StatusCodes.Status400BadRequest, "Content-Type must be application/x-www-form-urlencoded.");
        }
        byte[] body;
        try
        {
            var bounded = await ReadBoundedAsync(request.Body, cancellationToken);
            if (bounded is null)
            {
                return TooLarge();
            }
            body = bounded;
        }
        catch (BadHttpRequestException error)
        {
            // A malformed or truncated body is the client's fault: answer 4xx, never 5xx.
            return TwilioFormReadResult.Failure(error.StatusCode is >= 400 and < 500 ? error.StatusCode : StatusCodes.Status400BadRequest, "The request body could not be read.");
        }
        catch (IOException)
        {
            return TwilioFormReadResult.Failure(StatusCodes.Status400BadRequest, "The request body could not be read.");
        }
        return Parse(body);
    }

    private static TwilioFormReadResult Parse(byte[] body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return TwilioFormReadResult.Failure(StatusCodes.Status400BadRequest, "The form body is not valid UTF-8.");
        }
        var pairs = new List<KeyValuePair<string, string>>();
        try
        {
            using var reader = new FormReader(text);
            while (reader.ReadNextPair() is { } pair)
            {
                pairs.Add(new KeyValuePair<string, string>(pair.Key, pair.Value));
            }
        }
        catch (InvalidDataException)
        {
            return TwilioFormReadResult.Failure(StatusCodes.Status400BadRequest, "The form body could not be parsed.");
        }
        return TwilioFormReadResult.Success(new TwilioForm(pairs));
    }

    /// <summary>Returns null as soon as the body passes the cap, without buffering the rest.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsFormContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static TwilioFormReadResult TooLarge() =>
        TwilioFormReadResult.Failure(StatusCodes.Status413PayloadTooLarge, $"The request body exceeds {MaxBodyBytes} bytes.");
}
