using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ContactHub.Channels.Telegram;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Telegram;

/// <summary>
/// <c>{base}/bot&lt;token&gt;/&lt;method&gt;</c> with the Bot API's documented contract: a wrong token is 401, a missing or
/// invalid parameter is 400 "Bad Request: ...", getUpdates is 409 while a webhook is set, sends are limited per chat
/// (429 with retry_after) and refused with 403 to users who blocked the bot.
/// </summary>
public static class BotApiEndpoint
{
    /// <summary>
    /// Not "/bot{token}/...": ASP.NET matches a complex segment's literal from the right, case-insensitively, so a token
    /// containing "bot" (tokens are random) would not match. The prefix is checked in <see cref="Token"/> instead.
    /// </summary>
    public const string Route = "/{botToken}/{method}";

    public const string DownloadRoute = "/file/{botToken}/{**filePath}";

    private const long MaxPhotoBytes = 10 * 1024 * 1024;
    private const long MaxUploadBytes = 50 * 1024 * 1024;
    private const int MaxCaptionLength = 1024;

    public static async Task<IResult> HandleAsync(
        string botToken,
        string method,
        HttpRequest request,
        IOptions<TelegramStandInOptions> options,
        BotUpdates updates,
        BotChats chats,
        BotFiles files,
        CancellationToken cancellationToken)
    {
        if (Token(botToken) is not { } token)
        {
            return BotReply.Error(StatusCodes.Status404NotFound, "Not Found");
        }
        if (!TokenMatches(options.Value.BotToken, token))
        {
            return BotReply.Unauthorized();
        }
        if (await BotParameters.ReadAsync(request, cancellationToken) is not { } parameters)
        {
            return BotReply.BadRequest("can't parse JSON object");
        }
        return method switch
        {
            "getMe" => BotReply.Ok(new JsonObject { ["id"] = BotId(options.Value.BotToken), ["is_bot"] = true, ["first_name"] = options.Value.BotName, ["username"] = options.Value.BotUsername }),
            "getUpdates" => await GetUpdatesAsync(parameters, updates, cancellationToken),
            "setWebhook" => SetWebhook(parameters, updates, options.Value),
            "deleteWebhook" => DeleteWebhook(parameters, updates),
            "getWebhookInfo" => WebhookInfo(updates),
            "getFile" => GetFile(parameters, files),
            "sendMessage" => SendMessage(parameters, chats),
            "sendPhoto" => SendFile(parameters, chats, "sendPhoto", "photo", MaxPhotoBytes),
            "sendDocument" => SendFile(parameters, chats, "sendDocument", "document", MaxUploadBytes),
            _ => BotReply.Error(StatusCodes.Status404NotFound, "Not Found: method not found"),
        };
    }

    /// <summary>GET /file/bot&lt;token&gt;/&lt;file_path&gt;: the bytes of a file getFile named.</summary>
    public static IResult Download(string botToken, string filePath, IOptions<TelegramStandInOptions> options, BotFiles files)
    {
        if (Token(botToken) is not { } token || !TokenMatches(options.Value.BotToken, token))
        {
            return BotReply.Unauthorized();
        }
        return files.FindByPath(filePath) is { } file
            ? TypedResults.Bytes(file.Content, file.ContentType)
            : BotReply.Error(StatusCodes.Status404NotFound, "Not Found");
    }

    private static async Task<IResult> GetUpdatesAsync(BotParameters parameters, BotUpdates updates, CancellationToken cancellationToken)
    {
        if (updates.Webhook is not null)
        {
            return BotReply.Error(StatusCodes.Status409Conflict, BotUpdates.WebhookConflict);
        }
        if (!parameters.TryLong("offset", out var offset) || !parameters.TryLong("limit", out var limit) || !parameters.TryLong("timeout", out var timeout))
        {
            return BotReply.BadRequest("offset, limit and timeout must be integers");
        }
        // Telegram clamps limit to 1-100 rather than refusing it.
        var batch = (int)Math.Clamp(limit ?? 100, 1, 100);
        var wait = TimeSpan.FromSeconds(Math.Clamp(timeout ?? 0, 0, 50));
        var ready = await updates.PollAsync(offset, batch, wait, parameters.StringArray("allowed_updates"), cancellationToken);
        return BotReply.Ok(new JsonArray(ready.Select(u => (JsonNode?)u).ToArray()));
    }

    private static IResult SetWebhook(BotParameters parameters, BotUpdates updates, TelegramStandInOptions options)
    {
        var url = parameters.Text("url");
        if (url is null)
        {
            // Telegram documents an empty url as "remove the webhook".
            updates.DeleteWebhook(dropPending: false);
            return BotReply.Ok(true, "Webhook was deleted");
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && (options.RequireHttpsWebhook || parsed.Scheme != Uri.UriSchemeHttp)))
        {
            return BotReply.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        var secret = parameters.Text("secret_token");
        if (secret is not null && !TelegramSecretToken.IsWellFormed(secret))
        {
            return BotReply.BadRequest("secret token contains unallowed characters");
        }
        updates.SetWebhook(new BotWebhook(url, secret, parameters.StringArray("allowed_updates")));
        return BotReply.Ok(true, "Webhook was set");
    }

    private static IResult DeleteWebhook(BotParameters parameters, BotUpdates updates)
    {
        updates.DeleteWebhook(dropPending: parameters.Text("drop_pending_updates") is "true" or "True" or "1");
        return BotReply.Ok(true, "Webhook was deleted");
    }

    private static IResult WebhookInfo(BotUpdates updates) => BotReply.Ok(new JsonObject
    {
        ["url"] = updates.Webhook?.Url ?? "",
        ["has_custom_certificate"] = false,
        ["pending_update_count"] = updates.PendingIds().Count,
    });

    private static IResult GetFile(BotParameters parameters, BotFiles files)
    {
        if (parameters.Text("file_id") is not { } fileId)
        {
            return BotReply.BadRequest("file_id is empty");
        }
        if (files.Find(fileId) is not { } file)
        {
            return BotReply.BadRequest("invalid file_id");
        }
        return BotReply.Ok(new JsonObject
        {
            ["file_id"] = file.FileId,
            ["file_unique_id"] = file.FileUniqueId,
            ["file_size"] = file.Content.Length,
            ["file_path"] = file.FilePath,
        });
    }

    private static IResult SendMessage(BotParameters parameters, BotChats chats)
    {
        if (ChatId(parameters) is not { } chatId)
        {
            return BotReply.BadRequest("chat_id is empty");
        }
        var text = parameters.Text("text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return BotReply.BadRequest("message text is empty");
        }
        if (text.Length > TelegramText.MaxMessageLength)
        {
            return BotReply.BadRequest("message is too long");
        }
        if (Refusal(chats, chatId) is { } refused)
        {
            return refused;
        }
        var sent = chats.RecordSent(chatId, "sendMessage", text, null, null, null, null);
        return BotReply.Ok(MessageJson(chats, sent, m => m["text"] = text));
    }

    private static IResult SendFile(BotParameters parameters, BotChats chats, string method, string field, long maxBytes)
    {
        if (ChatId(parameters) is not { } chatId)
        {
            return BotReply.BadRequest("chat_id is empty");
        }
        if (parameters.File(field) is not { Length: > 0 } upload)
        {
            return BotReply.BadRequest($"there is no {field} in the request");
        }
        if (upload.Length > maxBytes)
        {
            return BotReply.Error(StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large");
        }
        if (field == "photo" && upload.ContentType is not ("image/jpeg" or "image/png"))
        {
            return BotReply.BadRequest("IMAGE_PROCESS_FAILED");
        }
        var caption = parameters.Text("caption");
        if (caption is { Length: > MaxCaptionLength })
        {
            return BotReply.BadRequest("message caption is too long");
        }
        if (Refusal(chats, chatId) is { } refused)
        {
            return refused;
        }
        var sent = chats.RecordSent(chatId, method, null, caption, upload.FileName, upload.ContentType, upload.Length);
        return BotReply.Ok(MessageJson(chats, sent, m =>
        {
            m[field] = field == "photo"
                ? new JsonArray(new JsonObject { ["file_id"] = "AgAD-sent-" + sent.MessageId, ["file_size"] = upload.Length, ["width"] = 1280, ["height"] = 960 })
                : new JsonObject { ["file_id"] = "BQAD-sent-" + sent.MessageId, ["file_name"] = upload.FileName, ["mime_type"] = upload.ContentType, ["file_size"] = upload.Length };
            if (caption is not null)
            {
                m["caption"] = caption;
            }
        }));
    }

    private static IResult? Refusal(BotChats chats, long chatId) =>
        chats.RefuseSend(chatId, out var retryAfter) is { } refused ? BotReply.Error(refused.Status, refused.Description, retryAfter) : null;

    private static JsonObject MessageJson(BotChats chats, SentMessage sent, Action<JsonObject> content)
    {
        var message = new JsonObject
        {
            ["message_id"] = sent.MessageId,
            ["chat"] = chats.ChatJson(sent.ChatId),
            ["date"] = sent.Date.ToUnixTimeSeconds(),
        };
        content(message);
        return message;
    }

    private static long? ChatId(BotParameters parameters) =>
        parameters.Text("chat_id") is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static long BotId(string token) => long.TryParse(token.Split(':')[0], CultureInfo.InvariantCulture, out var id) ? id : 0;

    /// <summary>The token from a "bot&lt;token&gt;" path segment; null when the segment is not one.</summary>
    private static string? Token(string segment) => segment.StartsWith("bot", StringComparison.Ordinal) ? segment[3..] : null;

    private static bool TokenMatches(string configured, string presented) =>
        configured.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(configured), Encoding.UTF8.GetBytes(presented));
}
