using ContactHub.Core.Domain;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ContactHub.StandIns.Twilio;

/// <summary>
/// POST /2010-04-01/Accounts/{AccountSid}/Messages.json, enforcing Twilio's documented contract: anything the real
/// API would refuse is refused here with the same status and error code, so the hub cannot pass against a lenient fake.
/// </summary>
public static class CreateMessageEndpoint
{
    public const string Route = "/2010-04-01/Accounts/{accountSid}/Messages.json";

    private const int MaxBodyLength = 1600;

    public static async Task<IResult> HandleAsync(
        string accountSid,
        HttpRequest request,
        IOptions<TwilioStandInOptions> options,
        SendRateLimiter rateLimiter,
        MessageLedger ledger,
        CarrierOptOuts optOuts,
        StatusCallbackQueue callbacks,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var account = options.Value;
        if (accountSid != account.AccountSid || !BasicCredentials.Match(request.Headers.Authorization, account.AccountSid, account.AuthToken))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            return TwilioErrors.Authenticate();
        }
        if (!rateLimiter.TryAcquire())
        {
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return TwilioErrors.TooManyRequests();
        }
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var to = Single(form["To"]);
        var from = Single(form["From"]);
        var serviceSid = Single(form["MessagingServiceSid"]);
        var body = Single(form["Body"]);
        var mediaUrls = form["MediaUrl"].Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!).ToList();
        var statusCallback = Single(form["StatusCallback"]);

        if (to is null)
        {
            return TwilioErrors.ToRequired();
        }
        if (from is null && serviceSid is null)
        {
            return TwilioErrors.FromRequired();
        }
        if (body is null && mediaUrls.Count == 0)
        {
            return TwilioErrors.BodyRequired();
        }
        if (!PhoneNumber.IsE164(to))
        {
            return TwilioErrors.InvalidTo(to);
        }
        if (from is not null && !account.PhoneNumbers.Contains(from, StringComparer.Ordinal))
        {
            return TwilioErrors.FromNotOwned(from);
        }
        if (from is null && serviceSid is not null && !account.MessagingServiceSids.Contains(serviceSid, StringComparer.Ordinal))
        {
            return TwilioErrors.InvalidMessagingService(serviceSid);
        }
        if (body is { Length: > MaxBodyLength })
        {
            return TwilioErrors.BodyTooLong();
        }
        if (mediaUrls.Count > 10)
        {
            return TwilioErrors.TooManyMedia();
        }
        if (mediaUrls.FirstOrDefault(u => !IsHttpUrl(u)) is { } badMedia)
        {
            return TwilioErrors.InvalidMediaUrl(badMedia);
        }
        if (statusCallback is not null && !IsHttpUrl(statusCallback))
        {
            return TwilioErrors.InvalidStatusCallback(statusCallback);
        }

        if (optOuts.Blocks(to, from))
        {
            return TwilioErrors.Unsubscribed();
        }

        var message = NewResource(account.AccountSid, to, from, serviceSid, body, mediaUrls.Count, time.GetUtcNow());
        ledger.Add(message);
        if (statusCallback is not null)
        {
            var sender = from ?? account.PhoneNumbers.FirstOrDefault() ?? "";
            callbacks.Enqueue(new StatusCallbackJob(message.Sid, statusCallback, sender, to, serviceSid, account.UndeliverableNumbers.Contains(to, StringComparer.Ordinal)));
        }
        return TypedResults.Json(message, StandInJsonContext.Wire.MessageResource, statusCode: StatusCodes.Status201Created);
    }

    private static MessageResource NewResource(string accountSid, string to, string? from, string? serviceSid, string? body, int mediaCount, DateTimeOffset now)
    {
        var sid = TwilioSids.New(mediaCount > 0 ? "MM" : "SM");
        var uri = $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}";
        var created = Rfc2822.Format(now);
        return new MessageResource(
            AccountSid: accountSid,
            ApiVersion: "2010-04-01",
            Body: body,
            DateCreated: created,
            DateSent: null,
            DateUpdated: created,
            Direction: "outbound-api",
            ErrorCode: null,
            ErrorMessage: null,
            From: from,
            MessagingServiceSid: serviceSid,
            NumMedia: mediaCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NumSegments: SmsSegments.Count(body).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Price: null,
            PriceUnit: "USD",
            Sid: sid,
            // Twilio answers "accepted" when a Messaging Service still has to choose the sender, "queued" otherwise.
            Status: from is null ? "accepted" : "queued",
            SubresourceUris: new Dictionary<string, string> { ["media"] = uri + "/Media.json" },
            To: to,
            Uri: uri + ".json");
    }

    private static string? Single(StringValues values) => values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps);
}
