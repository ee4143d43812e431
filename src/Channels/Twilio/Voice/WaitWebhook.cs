using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// What a caller hears while holding: their place in line, the expected wait, then hold music. Twilio asks again when
/// the music ends, so the announcement stays current.
/// </summary>
public static class WaitWebhook
{
    public static async Task<IResult> HandleAsync(HttpRequest request, TwilioWebhookGuard guard, IOptions<TwilioVoiceOptions> voiceOptions, CancellationToken cancellationToken)
    {
        var (form, rejection) = await guard.ReadVerifiedFormAsync(request, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }
        var voice = voiceOptions.Value;
        var twiml = new Twiml();
        if (VoiceForm.Seconds(form, "QueuePosition") is { } position and > 0)
        {
            twiml.Say(Announcement(position, VoiceForm.Seconds(form, "AvgQueueTime")), voice.Language);
        }
        return IncomingCallWebhook.Answer(twiml.Play(voice.HoldMusicUrl));
    }

    /// <param name="averageWaitSeconds">Twilio's average time in this queue; the estimate for the caller's position.</param>
    public static string Announcement(int position, int? averageWaitSeconds)
    {
        var place = position == 1 ? "You are next in line." : string.Create(CultureInfo.InvariantCulture, $"You are number {position} in line.");
        if (averageWaitSeconds is not { } average || average <= 0)
        {
            return place;
        }
        var minutes = (int)Math.Ceiling(average / 60.0);
        return minutes <= 1
            ? place + " The expected wait is about one minute."
            : place + string.Create(CultureInfo.InvariantCulture, $" The expected wait is about {minutes} minutes.");
    }
}
