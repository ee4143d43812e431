using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;

namespace ContactHub.Channels.WebChat;

/// <summary>
/// The visitor endpoints under <c>/webchat</c>: the HTTP API (for the first contact, uploads and clients without a
/// WebSocket), the SignalR hub and the widget's files. Anonymous by design: the channel key opens a session, the
/// visitor token (header <see cref="TokenHeader"/>) proves the visitor after that, and pages of other sites are refused
/// by origin.
/// </summary>
public static class WebChatApi
{
    public const string CorsPolicy = "webchat";
    public const string TokenHeader = "X-Visitor-Token";

    /// <summary>Forms and messages are a few KB; a larger body is refused before it is read whole.</summary>
    private const int MaxJsonBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/webchat/api").RequireCors(CorsPolicy).AddEndpointFilter(RefuseOtherSites).DisableAntiforgery();
        api.MapGet("/availability", AvailabilityAsync);
        api.MapPost("/sessions", StartAsync);
        api.MapPost("/messages", PostAsync);
        api.MapGet("/messages", TranscriptAsync);
        api.MapGet("/status", StatusAsync);
        api.MapPost("/files", UploadAsync);
        api.MapPost("/leave-message", LeaveMessageAsync);
        // WebSockets only: the widget speaks the JSON hub protocol over a WebSocket itself, without negotiation.
        endpoints.MapHub<WebChatHub>(WebChatHub.Path, options => options.Transports = HttpTransportType.WebSockets);
        endpoints.MapWebChatAssets();
        return endpoints;
    }

    private static async Task<IResult> AvailabilityAsync(string? key, WebChatInbox inbox)
    {
        if (!inbox.KeyMatches(key))
        {
            return Problem(StatusCodes.Status403Forbidden, "This chat is not set up for this site (unknown channel key).");
        }
        return TypedResults.Json(await inbox.AvailabilityAsync(), WebChatJsonContext.Default.Availability);
    }

    private static async Task<IResult> StartAsync(HttpContext context, WebChatInbox inbox, CancellationToken cancellationToken)
    {
        var (request, refusal) = await ReadJsonAsync(context.Request, WebChatJsonContext.Default.SessionRequest, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }
        var outcome = await inbox.StartAsync(request, RemoteAddress(context), cancellationToken);
        return outcome.Value is { } session
            ? TypedResults.Json(session, WebChatJsonContext.Default.SessionResponse, statusCode: StatusCodes.Status201Created)
            : Problem(outcome.Status, outcome.Problem!);
    }

    private static async Task<IResult> PostAsync(HttpContext context, WebChatInbox inbox, VisitorTokens tokens, CancellationToken cancellationToken)
    {
        if (VisitorOf(context, tokens) is not { } visitor)
        {
            return NotAVisitor();
        }
        var (request, refusal) = await ReadJsonAsync(context.Request, WebChatJsonContext.Default.MessageRequest, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }
        var (ack, _, status) = await inbox.PostAsync(visitor, request.MessageId, request.Text, cancellationToken);
        return ack.Error is { } error ? Problem(status, error) : TypedResults.Json(ack, WebChatJsonContext.Default.SendAck);
    }

    private static async Task<IResult> TranscriptAsync(HttpContext context, long? after, WebChatInbox inbox, VisitorTokens tokens, CancellationToken cancellationToken)
    {
        if (VisitorOf(context, tokens) is not { } visitor)
        {
            return NotAVisitor();
        }
        var (messages, _, _) = await inbox.SnapshotAsync(visitor, Math.Max(0, after ?? 0), cancellationToken);
        return TypedResults.Json(messages.ToList(), WebChatJsonContext.Default.ListChatMessage);
    }

    private static async Task<IResult> StatusAsync(HttpContext context, WebChatInbox inbox, VisitorTokens tokens, CancellationToken cancellationToken)
    {
        return VisitorOf(context, tokens) is { } visitor
            ? TypedResults.Json(await inbox.StatusAsync(visitor, cancellationToken), WebChatJsonContext.Default.ChatStatus)
            : NotAVisitor();
    }

    /// <summary>multipart/form-data with <c>messageId</c> and one <c>file</c>.</summary>
    private static async Task<IResult> UploadAsync(HttpContext context, WebChatInbox inbox, VisitorTokens tokens, CancellationToken cancellationToken)
    {
        if (VisitorOf(context, tokens) is not { } visitor)
        {
            return NotAVisitor();
        }
        var tooLarge = $"Files can be at most {inbox.MaxUploadBytes / (1024 * 1024)} MB.";
        if (context.Request.ContentLength > inbox.MaxUploadBytes + MaxJsonBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, tooLarge);
        }
        if (!context.Request.HasFormContentType)
        {
            return Problem(StatusCodes.Status400BadRequest, "Upload a file as multipart/form-data.");
        }
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = inbox.MaxUploadBytes + MaxJsonBytes }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, tooLarge);
        }
        if (form.Files.Count != 1)
        {
            return Problem(StatusCodes.Status400BadRequest, "Send exactly one file.");
        }
        var file = form.Files[0];
        if (file.Length > inbox.MaxUploadBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"“{file.FileName}” is too large: files can be at most {inbox.MaxUploadBytes / (1024 * 1024)} MB.");
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var (ack, _, status) = await inbox.UploadAsync(visitor, form["messageId"], file.FileName, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        return ack.Error is { } error ? Problem(status, error) : TypedResults.Json(ack, WebChatJsonContext.Default.SendAck);
    }

    private static async Task<IResult> LeaveMessageAsync(HttpContext context, LeftMessages leftMessages, CancellationToken cancellationToken)
    {
        var (request, refusal) = await ReadJsonAsync(context.Request, WebChatJsonContext.Default.LeaveMessageRequest, cancellationToken);
        if (request is null)
        {
            return refusal!;
        }
        var outcome = await leftMessages.LeaveMessageAsync(request, RemoteAddress(context), cancellationToken);
        return outcome.Value is { } ack
            ? TypedResults.Json(ack, WebChatJsonContext.Default.SendAck, statusCode: StatusCodes.Status202Accepted)
            : Problem(outcome.Status, outcome.Problem!);
    }

    private static async ValueTask<object?> RefuseOtherSites(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var origins = context.HttpContext.RequestServices.GetService(typeof(VisitorOrigins)) as VisitorOrigins;
        return origins is not null && !origins.IsAllowed(context.HttpContext.Request)
            ? Problem(StatusCodes.Status403Forbidden, "This site may not use the chat (its origin is not in WebChat:AllowedOrigins).")
            : await next(context);
    }

    private static Visitor? VisitorOf(HttpContext context, VisitorTokens tokens) => tokens.Read(context.Request.Headers[TokenHeader].ToString());

    private static IResult NotAVisitor() =>
        Problem(StatusCodes.Status401Unauthorized, $"A valid visitor token is required in {TokenHeader}; start a new chat to get one.");

    private static string RemoteAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Reads at most <see cref="MaxJsonBytes"/>: larger bodies are a 413, unreadable ones a 400 with the reason.</summary>
    private static async Task<(T? Value, IResult? Refusal)> ReadJsonAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > MaxJsonBytes)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, $"The request is larger than {MaxJsonBytes / 1024} KB."));
        }
        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Send JSON (Content-Type: application/json)."));
        }
        using var body = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxJsonBytes)
            {
                return (null, Problem(StatusCodes.Status413PayloadTooLarge, $"The request is larger than {MaxJsonBytes / 1024} KB."));
            }
            body.Write(chunk, 0, read);
        }
        try
        {
            return JsonSerializer.Deserialize(body.GetBuffer().AsSpan(0, (int)body.Length), type) is { } value
                ? (value, null)
                : (null, Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object."));
        }
        catch (JsonException error)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {error.Message}"));
        }
    }

    private static IResult Problem(int status, string reason) =>
        TypedResults.Json(new ChatProblem(reason), WebChatJsonContext.Default.ChatProblem, statusCode: status);
}
