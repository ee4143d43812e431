using ContactHub.Core.Domain;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ContactHub.StandIns.Twilio.Calls;

/// <summary>
/// POST /2010-04-01/Accounts/{AccountSid}/Calls.json: places an outbound call, refusing as Twilio does — credentials
/// (20003), no To (21201), no From (21213), a From the account does not own (21210), a To that is neither E.164 nor a
/// client: identity (21211), no Url or Twiml (21205), TwiML over 4,000 characters (32018).
/// </summary>
public static class CreateCallEndpoint
{
    public const string Route = "/2010-04-01/Accounts/{accountSid}/Calls.json";

    public static async Task<IResult> HandleAsync(
        string accountSid,
        HttpRequest request,
        IOptions<TwilioStandInOptions> options,
        LiveCalls calls,
        CancellationToken cancellationToken)
    {
        var account = options.Value;
        if (accountSid != account.AccountSid || !BasicCredentials.Match(request.Headers.Authorization, account.AccountSid, account.AuthToken))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            return TwilioErrors.Authenticate();
        }
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var (to, from, twiml, url) = (Single(form["To"]), Single(form["From"]), Single(form["Twiml"]), Single(form["Url"]));
        if (to is null)
        {
            return TwilioErrors.CallToRequired();
        }
        if (from is null)
        {
            return TwilioErrors.CallFromRequired();
        }
        if (!account.PhoneNumbers.Contains(from, StringComparer.Ordinal))
        {
            return TwilioErrors.CallFromNotVerified(from);
        }
        if (!PhoneNumber.IsE164(to) && !(to.StartsWith("client:", StringComparison.Ordinal) && to.Length > "client:".Length))
        {
            return TwilioErrors.InvalidTo(to);
        }
        if (twiml is null && url is null)
        {
            return TwilioErrors.UpdateNeedsInstructions();
        }
        if (twiml is { Length: > 4000 })
        {
            return TwilioErrors.TwimlTooLong();
        }
        var call = calls.Start(TwilioSids.New("CA"), from, to);
        calls.RecordUpdate(call, twiml ?? $"<Response><Redirect>{url}</Redirect></Response>");
        return TypedResults.Json(new { sid = call.CallSid, status = "queued", to, from, direction = "outbound-api" }, statusCode: StatusCodes.Status201Created);
    }

    private static string? Single(StringValues values) => values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}
