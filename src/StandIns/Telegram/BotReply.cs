using System.Text.Json.Nodes;

namespace ContactHub.StandIns.Telegram;

/// <summary>The Bot API's answer shapes: <c>{"ok":true,"result":...}</c> and <c>{"ok":false,"error_code":N,"description":"..."}</c>.</summary>
public static class BotReply
{
    public static IResult Ok(JsonNode? result, string? description = null)
    {
        var body = new JsonObject { ["ok"] = true, ["result"] = result };
        if (description is not null)
        {
            body["description"] = description;
        }
        return Json(body, StatusCodes.Status200OK);
    }

    public static IResult Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        return Json(body, code);
    }

    public static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized, "Unauthorized");

    public static IResult BadRequest(string what) => Error(StatusCodes.Status400BadRequest, "Bad Request: " + what);

    private static IResult Json(JsonObject body, int status) => TypedResults.Text(body.ToJsonString(), "application/json", statusCode: status);
}
