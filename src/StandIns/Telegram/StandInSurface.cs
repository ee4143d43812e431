using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactHub.StandIns.Telegram;

/// <summary>
/// <c>/_standin/telegram/...</c>: what tests and the simulator use to play customers (messages, edits, any raw update,
/// blocking the bot) and to read what the bot sent. Not part of the Bot API.
/// </summary>
public static class StandInSurface
{
    public const string Prefix = "/_standin/telegram";

    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IEndpointRouteBuilder MapTelegramStandInSurface(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Prefix + "/messages", SendAsync).DisableAntiforgery();
        endpoints.MapPost(Prefix + "/edits", EditAsync).DisableAntiforgery();
        endpoints.MapPost(Prefix + "/updates", RawAsync).DisableAntiforgery();
        endpoints.MapPost(Prefix + "/blocked", BlockAsync).DisableAntiforgery();
        endpoints.MapGet(Prefix + "/sent", (BotChats chats) => TypedResults.Json(chats.Sent(), SnakeCase));
        endpoints.MapGet(Prefix + "/pending", (BotUpdates updates) => TypedResults.Json(new { PendingUpdateIds = updates.PendingIds(), WebhookUrl = updates.Webhook?.Url }, SnakeCase));
        return endpoints;
    }

    /// <summary>A customer's message, e.g. <c>{"chat_id":5550123001,"first_name":"Chloé","text":"Hello"}</c>; files as base64.</summary>
    public sealed record MessageBody(
        long ChatId,
        string? FirstName,
        string? LastName,
        string? Username,
        string? Text,
        string? Caption,
        string? PhotoBase64,
        FileBody? Document,
        FileBody? Voice,
        LocationBody? Location,
        ContactBody? Contact);

    public sealed record FileBody(string Base64, string? FileName, string? MimeType, int DurationSeconds);

    public sealed record LocationBody(double Latitude, double Longitude);

    public sealed record ContactBody(string PhoneNumber, string FirstName, string? LastName, bool Own);

    public sealed record EditBody(long ChatId, long MessageId, string Text);

    public sealed record RawBody(string Kind, JsonObject Payload);

    public sealed record ChatBody(long ChatId);

    private static async Task<IResult> SendAsync(HttpRequest request, CustomerActions actions)
    {
        var body = await ReadAsync<MessageBody>(request);
        if (body is null || body.ChatId <= 0)
        {
            return TypedResults.BadRequest("A JSON body with a positive chat_id is required.");
        }
        CustomerMessage message;
        try
        {
            message = new CustomerMessage(new BotCustomer(body.ChatId, body.FirstName ?? "Customer", body.LastName, body.Username))
            {
                Text = body.Text,
                Caption = body.Caption,
                Photo = body.PhotoBase64 is { } photo ? Convert.FromBase64String(photo) : null,
                Document = body.Document is { } d ? (Convert.FromBase64String(d.Base64), d.FileName ?? "document.bin", d.MimeType ?? "application/octet-stream") : null,
                Voice = body.Voice is { } v ? (Convert.FromBase64String(v.Base64), v.DurationSeconds) : null,
                Location = body.Location is { } l ? (l.Latitude, l.Longitude) : null,
                Contact = body.Contact is { } c ? (c.PhoneNumber, c.FirstName, c.LastName, c.Own) : null,
            };
        }
        catch (FormatException)
        {
            return TypedResults.BadRequest("A file's base64 is not valid.");
        }
        var (updateId, messageId) = actions.Send(message);
        return TypedResults.Json(new { UpdateId = updateId, MessageId = messageId }, SnakeCase);
    }

    private static async Task<IResult> EditAsync(HttpRequest request, CustomerActions actions)
    {
        if (await ReadAsync<EditBody>(request) is not { } body)
        {
            return TypedResults.BadRequest("A JSON body with chat_id, message_id and text is required.");
        }
        return actions.Edit(body.ChatId, body.MessageId, body.Text) is { } updateId
            ? TypedResults.Json(new { UpdateId = updateId }, SnakeCase)
            : TypedResults.NotFound("That customer never sent that message.");
    }

    private static async Task<IResult> RawAsync(HttpRequest request, CustomerActions actions)
    {
        if (await ReadAsync<RawBody>(request) is not { Kind.Length: > 0, Payload: not null } body)
        {
            return TypedResults.BadRequest("A JSON body with kind and payload is required.");
        }
        return TypedResults.Json(new { UpdateId = actions.Raw(body.Kind, body.Payload) }, SnakeCase);
    }

    private static async Task<IResult> BlockAsync(HttpRequest request, BotChats chats)
    {
        if (await ReadAsync<ChatBody>(request) is not { ChatId: > 0 } body)
        {
            return TypedResults.BadRequest("A JSON body with chat_id is required.");
        }
        chats.Block(body.ChatId);
        return TypedResults.NoContent();
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request)
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(SnakeCase, request.HttpContext.RequestAborted);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return default;
        }
    }
}
