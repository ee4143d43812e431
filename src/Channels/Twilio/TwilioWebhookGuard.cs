using ContactHub.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio;

/// <summary>What every Twilio webhook does first: read the bounded form and prove Twilio sent it.</summary>
public sealed class TwilioWebhookGuard(IOptions<TwilioOptions> twilioOptions, IOptions<HubOptions> hubOptions, ILogger<TwilioWebhookGuard> logger)
{
    /// <summary>The verified form, or the 4xx result to answer with.</summary>
    public async Task<(TwilioForm? Form, IResult? Rejection)> ReadVerifiedFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var read = await TwilioFormReader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return (null, Reject(request, read.StatusCode, read.Reason));
        }
        // Twilio signed the URL it was configured with; behind a proxy the Host header says something else.
        var signedUrl = hubOptions.Value.PublicUrl(request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
        var presented = request.Headers[TwilioSignature.HeaderName].ToString();
        if (!TwilioSignature.IsValid(twilioOptions.Value.AuthToken, signedUrl, read.Form.Pairs, presented))
        {
            TwilioLog.SignatureRejected(logger, request.Path);
            return (null, TypedResults.Text("The X-Twilio-Signature header is missing or does not match.", "text/plain", statusCode: StatusCodes.Status403Forbidden));
        }
        return (read.Form, null);
    }

    public IResult Reject(HttpRequest request, int statusCode, string reason)
    {
        TwilioLog.WebhookRejected(logger, request.Path, statusCode, reason);
        return TypedResults.Text(reason, "text/plain", statusCode: statusCode);
    }
}
