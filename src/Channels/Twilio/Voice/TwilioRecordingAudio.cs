using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContactHub.Core.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Fetches a recording's MP3 from Twilio's Recordings resource with the account's Basic auth. The URL is built from
/// <see cref="TwilioOptions.ApiBaseUrl"/> and the recording sid, never taken from a callback, so the credentials only
/// ever go to the configured API.
/// </summary>
public sealed class TwilioRecordingAudio(HttpClient http, IOptions<TwilioOptions> options, ILogger<TwilioRecordingAudio> logger) : IRecordingAudioSource
{
    public const string AudioContentType = "audio/mpeg";

    public async Task<RecordingAudio> OpenAsync(string recordingSid, CancellationToken cancellationToken)
    {
        var twilio = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, AudioUrl(twilio, recordingSid));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            return RecordingAudio.Failed($"Twilio could not be reached: {error.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return RecordingAudio.Failed("Twilio did not answer in time.");
        }
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            TwilioLog.RecordingFetchFailed(logger, recordingSid, status);
            return status == (int)HttpStatusCode.NotFound
                ? RecordingAudio.NotFound()
                : RecordingAudio.Failed(string.Create(CultureInfo.InvariantCulture, $"Twilio answered {status} for the recording."));
        }
        var content = await response.Content.ReadAsStreamAsync(cancellationToken);
        var contentType = response.Content.Headers.ContentType?.MediaType is { Length: > 0 } type && type.StartsWith("audio/", StringComparison.Ordinal)
            ? type
            : AudioContentType;
        return new RecordingAudio(RecordingAudioOutcome.Found, content, contentType, response.Content.Headers.ContentLength, null, response);
    }

    /// <summary>Twilio's docs: the Recording resource's URL with <c>.mp3</c> appended returns the audio as MP3.</summary>
    public static string AudioUrl(TwilioOptions twilio, string recordingSid) =>
        $"{twilio.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid)}/Recordings/{Uri.EscapeDataString(recordingSid)}.mp3";
}
