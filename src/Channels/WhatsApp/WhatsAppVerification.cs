using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WhatsApp;

/// <summary>
/// Meta's subscription handshake: <c>GET ?hub.mode=subscribe&amp;hub.challenge=N&amp;hub.verify_token=T</c> is answered
/// with the raw challenge as text/plain when T is our verify token, 403 otherwise.
/// </summary>
public static class WhatsAppVerification
{
    /// <summary>Meta's challenges are short integers; a long one is not Meta.</summary>
    private const int MaxChallengeLength = 128;

    public static IResult Handle(HttpRequest request, IOptions<WhatsAppOptions> options, ILoggerFactory loggers)
    {
        var query = request.Query;
        var mode = query["hub.mode"].ToString();
        var challenge = query["hub.challenge"].ToString();
        if (mode != "subscribe" || !WhatsAppSignature.SecretsMatch(options.Value.VerifyToken, query["hub.verify_token"].ToString()))
        {
            WhatsAppLog.VerificationRejected(loggers.CreateLogger(WhatsAppWebhook.LogCategory));
            return TypedResults.Text("hub.mode must be subscribe and hub.verify_token must match.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
        }
        if (challenge.Length is 0 or > MaxChallengeLength)
        {
            return TypedResults.Text("hub.challenge is missing or too long.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }
        return TypedResults.Text(challenge, "text/plain");
    }
}
