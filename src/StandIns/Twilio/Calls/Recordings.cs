using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Twilio.Calls;

/// <summary>
/// The recordings the stand-in's calls made, served as Twilio's Recordings resource does: <c>{sid}.mp3</c> behind the
/// account's Basic auth (20003 without it, 20404 for an unknown sid). The audio is silence of the recorded length.
/// </summary>
public sealed class Recordings
{
    public const string Route = "/2010-04-01/Accounts/{accountSid}/Recordings/{file}";

    private readonly ConcurrentDictionary<string, int> _seconds = new(StringComparer.Ordinal);

    public void Add(string recordingSid, int seconds) => _seconds[recordingSid] = seconds;

    public static IResult Get(string accountSid, string file, HttpRequest request, IOptions<TwilioStandInOptions> options, Recordings recordings)
    {
        var account = options.Value;
        if (accountSid != account.AccountSid || !BasicCredentials.Match(request.Headers.Authorization, account.AccountSid, account.AuthToken))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            return TwilioErrors.Authenticate();
        }
        if (!file.EndsWith(".mp3", StringComparison.Ordinal) || !recordings._seconds.TryGetValue(file[..^4], out var seconds))
        {
            return TwilioErrors.NotFound(request.Path);
        }
        return TypedResults.Bytes(SilentMp3(seconds), "audio/mpeg");
    }

    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono frames with no audio data: 1152 samples (about 26 ms) of silence each.
    private static byte[] SilentMp3(int seconds)
    {
        const int frameLength = 417;
        var frames = Math.Clamp(seconds, 1, 600) * 44_100 / 1152;
        var audio = new byte[frames * frameLength];
        for (var i = 0; i < frames; i++)
        {
            var frame = audio.AsSpan(i * frameLength);
            frame[0] = 0xFF;
            frame[1] = 0xFB;
            frame[2] = 0x90;
            frame[3] = 0xC4;
        }
        return audio;
    }
}
