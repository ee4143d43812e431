using ContactHub.Channels.Twilio;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Twilio;

/// <summary>
/// Tells each accepted message's StatusCallback what a carrier would: "sent", then "delivered" (or "undelivered"
/// with 30003 for numbers configured unreachable). Each callback is signed with the account's auth token.
/// </summary>
public sealed partial class StatusCallbackWorker(
    StatusCallbackQueue queue,
    MessageLedger ledger,
    IHttpClientFactory httpClients,
    IOptions<TwilioStandInOptions> options,
    TimeProvider time,
    ILogger<StatusCallbackWorker> logger) : BackgroundService
{
    public const string HttpClientName = "twilio-status-callbacks";

    /// <summary>Several messages' callbacks run side by side, as Twilio's do; one slow hub endpoint does not hold up the rest.</summary>
    private const int Concurrency = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
            {
                await TellAsync(job, "sent", errorCode: null, stoppingToken);
                var (final, errorCode) = job.Undeliverable ? ("undelivered", "30003") : ("delivered", (string?)null);
                await TellAsync(job, final, errorCode, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: callbacks still queued are dropped, as a stopped fake carrier would.
        }
    }

    private async Task TellAsync(StatusCallbackJob job, string status, string? errorCode, CancellationToken cancellationToken)
    {
        await Task.Delay(options.Value.CallbackDelay, time, cancellationToken);
        var now = Rfc2822.Format(time.GetUtcNow());
        ledger.Update(job.MessageSid, m => m with
        {
            Status = status,
            ErrorCode = errorCode is null ? null : int.Parse(errorCode, System.Globalization.CultureInfo.InvariantCulture),
            DateSent = m.DateSent ?? now,
            DateUpdated = now,
        });
        var fields = CallbackFields(job, status, errorCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, job.CallbackUrl) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Sign(options.Value.AuthToken, job.CallbackUrl, fields));
        request.Headers.Add("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            LogCallback(job.MessageSid, status, (int)response.StatusCode);
        }
        catch (HttpRequestException error)
        {
            LogCallbackFailed(job.MessageSid, status, error.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogCallbackFailed(job.MessageSid, status, "timed out");
        }
    }

    private List<KeyValuePair<string, string>> CallbackFields(StatusCallbackJob job, string status, string? errorCode)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("SmsSid", job.MessageSid),
            new("SmsStatus", status),
            new("MessageStatus", status),
            new("To", job.To),
            new("MessageSid", job.MessageSid),
            new("AccountSid", options.Value.AccountSid),
            new("From", job.From),
            new("ApiVersion", "2010-04-01"),
        };
        if (job.MessagingServiceSid is not null)
        {
            fields.Add(new("MessagingServiceSid", job.MessagingServiceSid));
        }
        if (errorCode is not null)
        {
            fields.Add(new("ErrorCode", errorCode));
        }
        return fields;
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Status callback {Status} for {MessageSid} answered {StatusCode}")]
    private partial void LogCallback(string messageSid, string status, int statusCode);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Status callback {Status} for {MessageSid} failed: {Reason}")]
    private partial void LogCallbackFailed(string messageSid, string status, string reason);
}
