using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ContactHub.Core.Domain;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Telegram;

/// <summary>
/// The Bot API over HTTP (<c>{base}/bot&lt;token&gt;/&lt;method&gt;</c>), spoken directly: Telegram.Bot is not available,
/// and this class is shaped so it could sit behind it later. The token is part of every URL, so the HttpClient is
/// registered without request logging and no message here ever carries a URL.
/// </summary>
public sealed class TelegramBotApi(HttpClient http, IOptions<TelegramOptions> options)
{
    /// <summary>The updates the hub handles; Telegram then keeps the rest (button presses, membership changes) to itself.</summary>
    public static readonly string[] AllowedUpdates = ["message", "edited_message"];

    public Task<TelegramCall<IReadOnlyList<TelegramUpdate>>> GetUpdatesAsync(long? offset, int limit, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["limit"] = limit, ["timeout"] = timeoutSeconds, ["allowed_updates"] = AllowedUpdatesJson() };
        if (offset is { } confirmed)
        {
            body["offset"] = confirmed;
        }
        // The server holds a long poll open for up to timeoutSeconds: the request's own deadline must outlast it.
        var deadline = TimeSpan.FromSeconds(timeoutSeconds) + options.Value.RequestTimeout;
        return CallAsync("getUpdates", Json(body), TelegramJsonContext.Default.TelegramResponseIReadOnlyListTelegramUpdate, deadline, cancellationToken);
    }

    public Task<TelegramCall<bool>> SetWebhookAsync(string url, string secret, CancellationToken cancellationToken) =>
        CallAsync("setWebhook", Json(new JsonObject { ["url"] = url, ["secret_token"] = secret, ["allowed_updates"] = AllowedUpdatesJson() }),
            TelegramJsonContext.Default.TelegramResponseBoolean, options.Value.RequestTimeout, cancellationToken);

    /// <summary>Switches the bot back to getUpdates; pending updates are kept (never dropped), so nothing is lost.</summary>
    public Task<TelegramCall<bool>> DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync("deleteWebhook", Json(new JsonObject { ["drop_pending_updates"] = false }),
            TelegramJsonContext.Default.TelegramResponseBoolean, options.Value.RequestTimeout, cancellationToken);

    public Task<TelegramCall<TelegramFile>> GetFileAsync(string fileId, CancellationToken cancellationToken) =>
        CallAsync("getFile", Json(new JsonObject { ["file_id"] = fileId }),
            TelegramJsonContext.Default.TelegramResponseTelegramFile, options.Value.RequestTimeout, cancellationToken);

    public Task<TelegramCall<TelegramSentMessage>> SendMessageAsync(string chatId, string text, CancellationToken cancellationToken) =>
        CallAsync("sendMessage", Json(new JsonObject { ["chat_id"] = ChatIdJson(chatId), ["text"] = text }),
            TelegramJsonContext.Default.TelegramResponseTelegramSentMessage, options.Value.RequestTimeout, cancellationToken);

    /// <summary>sendPhoto or sendDocument with the file uploaded as multipart/form-data (Telegram cannot fetch the hub's private files).</summary>
    public Task<TelegramCall<TelegramSentMessage>> SendFileAsync(TelegramFileMethod method, string chatId, FileContent file, string? caption, CancellationToken cancellationToken)
    {
        var (name, field) = method == TelegramFileMethod.Photo ? ("sendPhoto", "photo") : ("sendDocument", "document");
        var form = new MultipartFormDataContent { { new StringContent(chatId), "chat_id" } };
        if (!string.IsNullOrEmpty(caption))
        {
            form.Add(new StringContent(caption), "caption");
        }
        var content = new ReadOnlyMemoryContent(file.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        form.Add(content, field, string.IsNullOrEmpty(file.FileName) ? "file" : file.FileName);
        return CallAsync(name, form, TelegramJsonContext.Default.TelegramResponseTelegramSentMessage, options.Value.RequestTimeout, cancellationToken);
    }

    /// <summary>Downloads a file getFile named; null (and no bytes read past the limit) when it is larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="HttpRequestException">The file could not be fetched; <see cref="HttpRequestException.StatusCode"/> says why when Telegram answered.</exception>
    public async Task<byte[]?> DownloadAsync(string filePath, long maxBytes, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(options.Value.RequestTimeout, cancellationToken);
        var url = $"{Base}/file/bot{options.Value.BotToken}/{string.Join('/', filePath.Split('/').Select(Uri.EscapeDataString))}";
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Telegram answered {(int)response.StatusCode} to the file download.", null, response.StatusCode);
        }
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return null;
        }
        await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, deadline.Token)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private string Base => options.Value.ApiBaseUrl.TrimEnd('/');

    private async Task<TelegramCall<T>> CallAsync<T>(string method, HttpContent body, JsonTypeInfo<TelegramResponse<T>> type, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(timeout, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/bot{options.Value.BotToken}/{method}") { Content = body };
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            return await InterpretAsync(response, type, deadline.Token);
        }
        catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return TelegramCall<T>.Failed(TelegramCallOutcome.Unreachable, $"Telegram could not be reached ({error.HttpRequestError}).");
        }
        catch (HttpRequestException error)
        {
            return TelegramCall<T>.Failed(TelegramCallOutcome.Interrupted, $"The connection to Telegram failed mid-request ({error.HttpRequestError}).");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TelegramCall<T>.Failed(TelegramCallOutcome.Interrupted, $"Telegram did not answer {method} in time.");
        }
    }

    private static async Task<TelegramCall<T>> InterpretAsync<T>(HttpResponseMessage response, JsonTypeInfo<TelegramResponse<T>> type, CancellationToken cancellationToken)
    {
        TelegramResponse<T>? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            // Not the Bot API's JSON (a proxy's error page): the status code alone decides.
            answer = null;
        }
        var status = (int)response.StatusCode;
        if (answer is { Ok: true })
        {
            return new TelegramCall<T>(TelegramCallOutcome.Ok, answer.Result, null, "ok");
        }
        var code = answer?.ErrorCode ?? status;
        var description = answer?.Description is { Length: > 0 } said ? said : $"Telegram answered {status} {response.ReasonPhrase}";
        if (code == 429 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = answer?.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            return new TelegramCall<T>(TelegramCallOutcome.RateLimited, default, 429, description, wait);
        }
        if (status >= 500 || answer is null)
        {
            return new TelegramCall<T>(TelegramCallOutcome.ServerError, default, code, description);
        }
        return new TelegramCall<T>(TelegramCallOutcome.Refused, default, code, description);
    }

    private static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source;
    }

    private static JsonArray AllowedUpdatesJson() => new(AllowedUpdates.Select(u => (JsonNode?)JsonValue.Create(u)).ToArray());

    /// <summary>A private chat's id is a number; sent as one, as Telegram documents it.</summary>
    private static JsonNode ChatIdJson(string chatId) =>
        long.TryParse(chatId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id) ? JsonValue.Create(id) : JsonValue.Create(chatId);

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}

/// <summary>How a file goes out: inline as a photo, or as a document the customer downloads.</summary>
public enum TelegramFileMethod
{
    Photo,
    Document,
}
