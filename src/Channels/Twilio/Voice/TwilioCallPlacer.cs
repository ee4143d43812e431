using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactHub.Core;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Click-to-call through the outbox: Twilio first rings the agent (browser phone or number) and, once they answer,
/// dials the customer from our number. Going through the outbox means the call is logged on the timeline before it is
/// placed and is never placed twice; the customer's leg reports its progress to <see cref="VoiceWebhookPaths.OutboundStatus"/>.
/// </summary>
public sealed class TwilioCallPlacer(
    HttpClient http,
    IOptions<TwilioOptions> options,
    IOptions<HubOptions> hubOptions,
    AgentDialTarget targets) : IChannelSender
{
    public ChannelKind Channel => ChannelKind.Voice;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.AuthorAgentId is not { } agentId)
        {
            return new SendRejected("no-agent", "A call is placed for an agent, and none asked for this one.");
        }
        if (!PhoneNumber.IsE164(message.ToAddress))
        {
            return new SendRejected("no-phone", "The customer has no phone number to call.");
        }
        var twilio = options.Value;
        var (isNumber, address) = targets.For(agentId);
        var customerLeg = new Twiml().DialCustomer(twilio.PhoneNumber, message.ToAddress, hubOptions.Value.PublicUrl(VoiceWebhookPaths.OutboundStatus));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{twilio.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid)}/Calls.json")
        {
            Content = new FormUrlEncodedContent(
            [
                new("To", isNumber ? address : "client:" + address),
                new("From", twilio.PhoneNumber),
                new("Twiml", customerLeg.ToString()),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var created = await response.Content.ReadFromJsonAsync(TwilioJsonContext.Default.TwilioMessageResource, cancellationToken);
                return created is { Sid.Length: > 0 } ? new SendAccepted(created.Sid, "queued") : new SendUncertain("Twilio created the call without naming it.");
            }
            var error = await ErrorAsync(response, cancellationToken);
            var reason = error?.Message ?? response.ReasonPhrase ?? "no reason given";
            return response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                ? new SendDeferred($"Twilio answered {(int)response.StatusCode}: {reason}", null)
                : new SendRejected(error is { Code: > 0 } ? error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture) : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), reason);
        }
        catch (HttpRequestException failure) when (failure.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return new SendDeferred($"Twilio could not be reached: {failure.Message}", null);
        }
    }

    private static async Task<TwilioApiError?> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(TwilioJsonContext.Default.TwilioApiError, cancellationToken);
        }
        catch (Exception error) when (error is JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
