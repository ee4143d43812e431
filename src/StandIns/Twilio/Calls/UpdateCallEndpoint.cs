using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ContactHub.StandIns.Twilio.Calls;

/// <summary>
/// POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json with Twiml (or Url, or Status=completed): refuses what
/// Twilio refuses — bad credentials (20003), an unknown call (20404), a call no longer in progress (21220), TwiML over
/// 4,000 characters (32018), a relative action URL in the TwiML (15004) — so the hub cannot pass against a lax fake.
/// </summary>
public static class UpdateCallEndpoint
{
    public const string Route = "/2010-04-01/Accounts/{accountSid}/Calls/{callSid}.json";

    private const int MaxTwimlLength = 4000;

    public static async Task<IResult> HandleAsync(
        string accountSid,
        string callSid,
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
        if (calls.Find(callSid) is not { } call)
        {
            return TwilioErrors.NotFound(request.Path);
        }
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var twiml = Single(form["Twiml"]);
        var url = Single(form["Url"]);
        var status = Single(form["Status"]);
        if (twiml is null && url is null && status is null)
        {
            return TwilioErrors.UpdateNeedsInstructions();
        }
        if (call.Completed)
        {
            return TwilioErrors.CallNotInProgress();
        }
        if (status is "completed" or "canceled")
        {
            calls.Complete(callSid);
            return TypedResults.Ok(new { sid = callSid, status = "completed" });
        }
        if (twiml is not null)
        {
            if (twiml.Length > MaxTwimlLength)
            {
                return TwilioErrors.TwimlTooLong();
            }
            if (RelativeActionUrl(twiml) is { } relative)
            {
                return TwilioErrors.RelativeActionUrl(relative);
            }
            calls.RecordUpdate(call, twiml);
        }
        return TypedResults.Ok(new { sid = callSid, status = "in-progress" });
    }

    /// <summary>Any action, url or statusCallback attribute that is not an absolute URL; unparsable TwiML counts as one.</summary>
    private static string? RelativeActionUrl(string twiml)
    {
        try
        {
            var document = XDocument.Parse(twiml);
            return document.Descendants()
                .SelectMany(e => e.Attributes())
                .Where(a => a.Name.LocalName is "action" or "url" or "statusCallback" or "waitUrl")
                .Select(a => a.Value)
                .FirstOrDefault(v => !IsHttpUrl(v));
        }
        catch (XmlException)
        {
            return "(TwiML is not well-formed XML)";
        }
    }

    // Not just UriKind.Absolute: on Unix "/dial" parses as an absolute file: URI.
    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? Single(StringValues values) => values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}
