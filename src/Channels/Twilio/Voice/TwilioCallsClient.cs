using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

public enum CallUpdateOutcome
{
    Updated,
    /// <summary>Twilio no longer has the call live (20404 not found, 21220 not in progress): the caller has gone.</summary>
    CallGone,
    Failed,
}

/// <summary>Twilio's Calls resource: gives a live call new TwiML (to take it out of the hold queue and dial an agent).</summary>
public sealed class TwilioCallsClient(HttpClient http, IOptions<TwilioOptions> options)
{
    public async Task<(CallUpdateOutcome Outcome, string Detail)> RedirectAsync(string callSid, Twiml twiml, CancellationToken cancellationToken)
    {
        var twilio = options.Value;
        var url = $"{twilio.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid)}/Calls/{Uri.EscapeDataString(callSid)}.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent([new("Twiml", twiml.ToString())]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (CallUpdateOutcome.Updated, "updated");
            }
            var error = await ErrorAsync(response, cancellationToken);
            var gone = response.StatusCode == HttpStatusCode.NotFound || error?.Code == 21220;
            return (gone ? CallUpdateOutcome.CallGone : CallUpdateOutcome.Failed, $"Twilio answered {(int)response.StatusCode}: {error?.Message ?? response.ReasonPhrase}");
        }
        catch (HttpRequestException failure)
        {
            return (CallUpdateOutcome.Failed, $"Twilio could not be reached: {failure.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (CallUpdateOutcome.Failed, "Twilio did not answer in time.");
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
