using Microsoft.AspNetCore.Http;

namespace ContactHub.Channels.WhatsApp;

/// <summary>
/// Reads the webhook's raw bytes with a hard cap, checked on Content-Length and again while reading (a chunked body has
/// no length up front). The signature is computed over exactly these bytes.
/// </summary>
public static class WhatsAppBodyReader
{
    /// <summary>Meta batches notifications, but text is capped at 4,096 characters and media comes by id: far below this.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    /// <returns>The bytes, or the status code and reason to refuse with.</returns>
    public static async Task<(byte[]? Body, int StatusCode, string? Reason)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16384];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return TooLarge();
                }
                buffer.Write(chunk, 0, read);
            }
            return (buffer.ToArray(), StatusCodes.Status200OK, null);
        }
        catch (BadHttpRequestException error)
        {
            // A malformed or truncated body is the client's fault: answer 4xx, never 5xx.
            return (null, error.StatusCode is >= 400 and < 500 ? error.StatusCode : StatusCodes.Status400BadRequest, "The request body could not be read.");
        }
        catch (IOException)
        {
            return (null, StatusCodes.Status400BadRequest, "The request body could not be read.");
        }
    }

    private static (byte[]?, int, string?) TooLarge() => (null, StatusCodes.Status413PayloadTooLarge, $"The request body exceeds {MaxBodyBytes} bytes.");
}
