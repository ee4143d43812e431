using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Telegram;

/// <summary>
/// Telegram's webhook: the secret header proves Telegram sent it; the update is stored before the 200, so a retry (any
/// non-2xx) is the only way an update can come twice, and the store deduplicates that.
/// </summary>
public static class TelegramWebhook
{
    public const string Path = "/webhooks/telegram";

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        IOptions<TelegramOptions> options,
        TelegramUpdateHandler handler,
        ILogger<TelegramUpdateHandler> logger,
        CancellationToken cancellationToken)
    {
        var telegram = options.Value;
        if (!TelegramSecretToken.Matches(telegram.WebhookSecret, request.Headers[TelegramSecretToken.HeaderName].FirstOrDefault()))
        {
            TelegramLog.SecretRejected(logger);
            return TypedResults.Text($"The {TelegramSecretToken.HeaderName} header is missing or does not match.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
        }
        var (body, status, reason) = await ReadBoundedAsync(request, telegram.MaxUpdateBytes, cancellationToken);
        if (body is null)
        {
            return Reject(logger, status, reason!);
        }
        var (update, error) = TelegramUpdateReader.Read(body);
        if (error is not null)
        {
            return Reject(logger, StatusCodes.Status400BadRequest, error);
        }
        try
        {
            await handler.HandleAsync(update!, cancellationToken);
        }
        catch (TelegramUnavailableException unavailable)
        {
            // Not the sender's fault and not lost: Telegram retries a non-2xx answer, and by then its file server may answer.
            TelegramLog.UpdateDeferred(logger, update!.UpdateId ?? 0, unavailable.Message);
            return TypedResults.Text("The message's file could not be fetched from Telegram yet; please retry.", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Ok();
    }

    private static IResult Reject(ILogger logger, int status, string reason)
    {
        TelegramLog.WebhookRejected(logger, status, reason);
        return TypedResults.Text(reason, "text/plain", statusCode: status);
    }

    /// <summary>The cap is checked on Content-Length and again while reading: a chunked body has no length up front.</summary>
    private static async Task<(byte[]? Body, int Status, string? Reason)> ReadBoundedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var tooLarge = (default(byte[]), StatusCodes.Status413PayloadTooLarge, $"A Telegram update is at most {maxBytes / 1024} KB.");
        if (request.ContentLength > maxBytes)
        {
            return tooLarge;
        }
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return tooLarge;
                }
                buffer.Write(chunk, 0, read);
            }
            return (buffer.ToArray(), StatusCodes.Status200OK, null);
        }
        catch (Exception error) when (error is BadHttpRequestException or IOException)
        {
            return (null, StatusCodes.Status400BadRequest, "The request body could not be read.");
        }
    }
}
