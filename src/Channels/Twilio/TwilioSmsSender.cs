using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactHub.Channels.Http;
using ContactHub.Core;
using ContactHub.Core.Domain;
using ContactHub.Core.Files;
using ContactHub.Core.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio;

/// <summary>Sends SMS/MMS through Twilio's Messages REST resource, speaking the wire protocol directly.</summary>
public sealed class TwilioSmsSender(
    HttpClient http,
    IOptions<TwilioOptions> options,
    IOptions<HubOptions> hubOptions,
    TimeProvider time,
    ILogger<TwilioSmsSender> logger,
    IPublicFileLinks? fileLinks = null) : IChannelSender
{
    public const string StatusCallbackPath = "/webhooks/twilio/sms/status";

    /// <summary>Twilio's "Attempt to send to unsubscribed recipient": the customer replied STOP to this number.</summary>
    public const string UnsubscribedRecipientCode = "21610";

    public ChannelKind Channel => ChannelKind.Sms;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var twilio = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl(twilio))
        {
            Content = new FormUrlEncodedContent(FormFields(twilio, message)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        SendResult result;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            result = await InterpretAsync(response, cancellationToken);
        }
        catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.ConnectionError)
        {
            // The connection was never made, so Twilio cannot have the message: safe to try again.
            result = new SendDeferred($"Twilio could not be reached: {error.Message}", null);
        }
        catch (HttpRequestException error)
        {
            result = new SendUncertain($"The connection to Twilio failed mid-request: {error.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Twilio may have queued the message before the timeout: resending could text the customer twice.
            result = new SendUncertain("Twilio did not answer in time.");
        }
        Log(message.InteractionId, result);
        return result;
    }

    private static string MessagesUrl(TwilioOptions twilio) =>
        $"{twilio.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid)}/Messages.json";

    private IEnumerable<KeyValuePair<string, string>> FormFields(TwilioOptions twilio, OutboundMessage message)
    {
        yield return new("To", message.ToAddress);
        yield return string.IsNullOrEmpty(twilio.MessagingServiceSid)
            ? new("From", twilio.PhoneNumber)
            : new("MessagingServiceSid", twilio.MessagingServiceSid);
        if (!string.IsNullOrEmpty(message.Text))
        {
            yield return new("Body", message.Text);
        }
        // Twilio fetches media itself: stored files go out as signed, short-lived public URLs.
        foreach (var url in message.Attachments.Select(a => fileLinks?.PublicUrlFor(a.Url) ?? a.Url))
        {
            yield return new("MediaUrl", url);
        }
        yield return new("StatusCallback", hubOptions.Value.PublicUrl(StatusCallbackPath));
    }

    private async Task<SendResult> InterpretAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            var resource = await ReadJsonAsync(response, TwilioJsonContext.Default.TwilioMessageResource, cancellationToken);
            return resource is { Sid.Length: > 0 }
                ? new SendAccepted(resource.Sid, string.IsNullOrEmpty(resource.Status) ? "queued" : resource.Status)
                : new SendDeferred($"Twilio answered {(int)response.StatusCode} without a message sid.", null);
        }
        var error = await ReadJsonAsync(response, TwilioJsonContext.Default.TwilioApiError, cancellationToken);
        var reason = error?.Message ?? response.ReasonPhrase ?? "no reason given";
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            return new SendDeferred($"Twilio answered {(int)response.StatusCode}: {reason}", RetryAfterHeader.Wait(response, time.GetUtcNow()));
        }
        var code = error is { Code: > 0 } ? error.Code.ToString(CultureInfo.InvariantCulture) : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        return new SendRejected(code, reason) { RecipientOptedOut = code == UnsubscribedRecipientCode };
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (JsonException)
        {
            return default;
        }
        catch (NotSupportedException)
        {
            // Not JSON at all (a proxy's HTML error page): the status code alone decides.
            return default;
        }
    }

    private void Log(long interactionId, SendResult result)
    {
        switch (result)
        {
            case SendAccepted accepted:
                TwilioLog.SendAccepted(logger, interactionId, accepted.ProviderId, accepted.Status);
                break;
            case SendDeferred deferred:
                TwilioLog.SendDeferred(logger, interactionId, deferred.Reason);
                break;
            case SendRejected rejected:
                TwilioLog.SendRejected(logger, interactionId, rejected.ErrorCode, rejected.Reason);
                break;
            case SendUncertain uncertain:
                TwilioLog.SendDeferred(logger, interactionId, uncertain.Reason);
                break;
        }
    }
}
