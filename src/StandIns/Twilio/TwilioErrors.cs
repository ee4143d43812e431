using System.Globalization;

namespace ContactHub.StandIns.Twilio;

/// <summary>Twilio's documented error bodies, built in one place so their shape cannot drift.</summary>
public static class TwilioErrors
{
    public static IResult Authenticate() => Error(StatusCodes.Status401Unauthorized, 20003, "Authenticate");

    public static IResult TooManyRequests() => Error(StatusCodes.Status429TooManyRequests, 20429, "Too Many Requests");

    public static IResult ToRequired() => Error(StatusCodes.Status400BadRequest, 21604, "A 'To' phone number is required.");

    public static IResult FromRequired() => Error(StatusCodes.Status400BadRequest, 21603, "A 'From' phone number is required.");

    public static IResult BodyRequired() => Error(StatusCodes.Status400BadRequest, 21602, "Message body is required.");

    public static IResult InvalidTo(string to) => Error(StatusCodes.Status400BadRequest, 21211, $"The 'To' number {to} is not a valid phone number.");

    public static IResult FromNotOwned(string from) =>
        Error(StatusCodes.Status400BadRequest, 21606, $"The From phone number {from} is not a valid, SMS-capable inbound phone number or short code for your account.");

    public static IResult InvalidMessagingService(string sid) => Error(StatusCodes.Status400BadRequest, 21701, $"The Messaging Service Sid {sid} is invalid.");

    public static IResult BodyTooLong() => Error(StatusCodes.Status400BadRequest, 21617, "The concatenated message body exceeds the 1600 character limit.");

    public static IResult InvalidStatusCallback(string url) => Error(StatusCodes.Status400BadRequest, 21609, $"The StatusCallback URL {url} is not a valid URL.");

    public static IResult Unsubscribed() => Error(StatusCodes.Status400BadRequest, 21610, "Attempt to send to unsubscribed recipient");

    public static IResult NotFound(string path) => Error(StatusCodes.Status404NotFound, 20404, $"The requested resource {path} was not found");

    public static IResult CallNotInProgress() => Error(StatusCodes.Status400BadRequest, 21220, "Call is not in-progress. Cannot redirect.");

    public static IResult TwimlTooLong() => Error(StatusCodes.Status400BadRequest, 32018, "Twiml size exceeded maximum allowed value of 4000 characters");

    public static IResult RelativeActionUrl(string url) =>
        Error(StatusCodes.Status400BadRequest, 15004, $"Action Callback URL must be an absolute URL when using TwiML to update in-progress calls: {url}");

    public static IResult UpdateNeedsInstructions() => Error(StatusCodes.Status400BadRequest, 21205, "Url, Twiml or Status is required to update a call.");

    public static IResult CallToRequired() => Error(StatusCodes.Status400BadRequest, 21201, "No 'To' number is specified");

    public static IResult CallFromRequired() => Error(StatusCodes.Status400BadRequest, 21213, "No 'From' number is specified");

    public static IResult CallFromNotVerified(string from) => Error(StatusCodes.Status400BadRequest, 21210, $"The source phone number provided, {from}, is not yet verified for your account.");

    public static IResult InvalidMediaUrl(string url) => Error(StatusCodes.Status400BadRequest, 21620, $"Invalid media URL(s): {url}");

    public static IResult TooManyMedia() => Error(StatusCodes.Status400BadRequest, 21623, "Number of media files exceeds allowed limit of 10.");

    private static IResult Error(int status, int code, string message) =>
        TypedResults.Json(
            new TwilioErrorBody(code, message, "https://www.twilio.com/docs/errors/" + code.ToString(CultureInfo.InvariantCulture), status),
            StandInJsonContext.Wire.TwilioErrorBody,
            statusCode: status);
}
