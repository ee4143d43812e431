using System.Text.Json.Nodes;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>The Graph API's documented error bodies, built in one place so their shape cannot drift.</summary>
public static class GraphErrors
{
    public static IResult InvalidToken() =>
        Error(StatusCodes.Status401Unauthorized, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException", subcode: null, details: null);

    public static IResult UnknownObject(string id) =>
        Error(StatusCodes.Status400BadRequest, 100, $"Unsupported post request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", "GraphMethodException", subcode: 33, details: null);

    public static IResult InvalidParameter(string details) =>
        Error(StatusCodes.Status400BadRequest, 100, "(#100) Invalid parameter", "OAuthException", subcode: null, details);

    public static IResult OutsideWindow() =>
        Error(StatusCodes.Status400BadRequest, 131047, "(#131047) Re-engagement message", "OAuthException", subcode: null,
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");

    public static IResult PairRateLimit() =>
        Error(StatusCodes.Status400BadRequest, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit", "OAuthException", subcode: null,
            "Too many messages sent from this phone number to the same phone number in a short period of time.");

    public static IResult TemplateMissing(string name, string language) =>
        Error(StatusCodes.Status404NotFound, 132001, "(#132001) Template name does not exist in the translation", "OAuthException", subcode: null,
            $"template name ({name}) does not exist in {language}");

    public static IResult TemplateParameters(int expected, int given) =>
        Error(StatusCodes.Status400BadRequest, 132000, "(#132000) Number of parameters does not match the expected number of params", "OAuthException", subcode: null,
            $"body: number of localizable_params ({given}) does not match the expected number of params ({expected})");

    public static IResult MediaNotFound(string id) =>
        Error(StatusCodes.Status404NotFound, 100, $"Unsupported get request. Object with ID '{id}' does not exist.", "GraphMethodException", subcode: 33, details: null);

    private static IResult Error(int status, int code, string message, string type, int? subcode, string? details)
    {
        var error = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["code"] = code,
        };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }
        if (details is not null)
        {
            error["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details };
        }
        error["fbtrace_id"] = "A" + Guid.NewGuid().ToString("N")[..22];
        return TypedResults.Text(new JsonObject { ["error"] = error }.ToJsonString(), "application/json", statusCode: status);
    }
}
