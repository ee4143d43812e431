using System.Text.Json;
using System.Text.Json.Nodes;
using ContactHub.Core.Outbound;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>
/// POST /{version}/{phone-number-id}/messages, enforcing the Cloud API's contract: the token, our number's id, the
/// required fields (100 with details), the 24-hour window (131047), approved templates only (132001/132000) and the
/// per-customer pair rate limit (131056). Accepted messages get a wamid and a signed status story.
/// </summary>
public static class SendMessageEndpoint
{
    public const string Route = "/{version:regex(^v\\d+\\.\\d+$)}/{phoneNumberId}/messages";

    private const int MaxTextLength = 4096;

    public static async Task<IResult> HandleAsync(
        string phoneNumberId,
        HttpRequest request,
        IOptions<WhatsAppStandInOptions> options,
        CustomerWindows windows,
        PairRateLimiter pairLimits,
        MediaVault media,
        SentLedger ledger,
        StatusStories stories,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var account = options.Value;
        if (!GraphAuth.IsAuthorized(request, account.AccessToken))
        {
            return GraphErrors.InvalidToken();
        }
        if (phoneNumberId != account.PhoneNumberId)
        {
            return GraphErrors.UnknownObject(phoneNumberId);
        }
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException)
        {
            return GraphErrors.InvalidParameter("The request body is not valid JSON.");
        }
        if (body is null)
        {
            return GraphErrors.InvalidParameter("The request body must be a JSON object.");
        }
        if (Text(body, "messaging_product") != "whatsapp")
        {
            return GraphErrors.InvalidParameter("The parameter messaging_product is required and must be \"whatsapp\".");
        }
        if (Text(body, "status") == "read")
        {
            return Text(body, "message_id") is { Length: > 0 }
                ? TypedResults.Json(new JsonObject { ["success"] = true })
                : GraphErrors.InvalidParameter("The parameter message_id is required.");
        }
        var to = Text(body, "to");
        if (to is null || to.TrimStart('+').Length is < 8 or > 15 || !to.TrimStart('+').All(char.IsAsciiDigit))
        {
            return GraphErrors.InvalidParameter("The parameter to is required and must be a phone number.");
        }
        to = to.TrimStart('+');
        var type = Text(body, "type") ?? "text";
        var (message, problem) = type switch
        {
            "text" => TextMessage(body),
            "image" or "document" => MediaMessage(body, type, media),
            "template" => TemplateMessage(body, account),
            _ => (null, GraphErrors.InvalidParameter($"The message type {type} is not supported by this stand-in.")),
        };
        if (problem is not null)
        {
            return problem;
        }
        if (type != "template" && !windows.IsOpen(to, time.GetUtcNow(), account.ServiceWindow))
        {
            return GraphErrors.OutsideWindow();
        }
        if (!pairLimits.TryAcquire(to, account.PairRateLimitInterval))
        {
            return GraphErrors.PairRateLimit();
        }
        var id = WamIds.New();
        ledger.Add(message! with { Id = id, To = to });
        stories.Tell(new StatusStory(id, to, account.UndeliverableNumbers.Any(n => n.TrimStart('+') == to)));
        return TypedResults.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray { new JsonObject { ["input"] = to, ["wa_id"] = to } },
            ["messages"] = new JsonArray { new JsonObject { ["id"] = id, ["message_status"] = "accepted" } },
        });
    }

    private static (SentWhatsApp?, IResult?) TextMessage(JsonObject body)
    {
        var text = Text(body["text"] as JsonObject, "body");
        if (string.IsNullOrEmpty(text))
        {
            return (null, GraphErrors.InvalidParameter("The parameter text['body'] is required."));
        }
        return text.Length > MaxTextLength
            ? (null, GraphErrors.InvalidParameter($"The parameter text['body'] must be at most {MaxTextLength} characters long."))
            : (Sent("text", text), null);
    }

    private static (SentWhatsApp?, IResult?) MediaMessage(JsonObject body, string type, MediaVault media)
    {
        if (body[type] is not JsonObject content)
        {
            return (null, GraphErrors.InvalidParameter($"The parameter {type} is required."));
        }
        var id = Text(content, "id");
        if (id is null && Text(content, "link") is null)
        {
            return (null, GraphErrors.InvalidParameter($"The parameter {type}['id'] or {type}['link'] is required."));
        }
        if (id is not null && media.Find(id) is null)
        {
            return (null, GraphErrors.InvalidParameter($"The media id {id} does not exist or was not uploaded to this number."));
        }
        return (Sent(type, Text(content, "caption")) with { MediaId = id }, null);
    }

    private static (SentWhatsApp?, IResult?) TemplateMessage(JsonObject body, WhatsAppStandInOptions account)
    {
        if (body["template"] is not JsonObject template || Text(template, "name") is not { } name || Text(template["language"] as JsonObject, "code") is not { } language)
        {
            return (null, GraphErrors.InvalidParameter("The parameters template['name'] and template['language']['code'] are required."));
        }
        var approved = account.Templates.FirstOrDefault(t => t.Name == name && t.Language == language);
        if (approved is null)
        {
            return (null, GraphErrors.TemplateMissing(name, language));
        }
        var parameters = (template["components"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(c => Text(c, "type") == "body")
            .SelectMany(c => (c["parameters"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(p => Text(p, "text") ?? "")
            .ToList();
        var expected = new MessageTemplate(approved.Name, approved.Language, approved.Body);
        if (parameters.Count != expected.ParameterCount)
        {
            return (null, GraphErrors.TemplateParameters(expected.ParameterCount, parameters.Count));
        }
        return (Sent("template", expected.Render(parameters)) with { Template = name, Language = language, Parameters = parameters }, null);
    }

    private static SentWhatsApp Sent(string type, string? text) => new("", "", type, text, null, null, [], null, "accepted");

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
