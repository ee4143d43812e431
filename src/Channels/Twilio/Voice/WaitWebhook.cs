using ContactHub.Core.Config;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// What a caller hears while holding: their place in line, the expected wait, then hold music. Twilio asks again when
/// the music ends, so the announcement stays current. A caller who has waited past the queue's maximum wait leaves the
/// queue for voicemail (checked at each of these requests, so the hold music's length is the precision).
/// </summary>
public static class WaitWebhook
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TwilioWebhookGuard guard,
        CallLog calls,
        RoutingConfigState routing,
        IOptions<TwilioVoiceOptions> voiceOptions,
        CancellationToken cancellationToken)
    {
        var (form, rejection) = await guard.ReadVerifiedFormAsync(request, cancellationToken);
        if (form is null)
        {
            return rejection!;
        }
        if (await WaitedTooLongAsync(form, calls, routing, cancellationToken))
        {
            // The Enqueue action then gets QueueResult=leave and answers with the voicemail.
            return IncomingCallWebhook.Answer(new Twiml().Leave());
        }
        var voice = voiceOptions.Value;
        var twiml = new Twiml();
        if (VoiceForm.Seconds(form, "QueuePosition") is { } position and > 0)
        {
            twiml.Say(WaitAnnouncement.Text(position, VoiceForm.Seconds(form, "AvgQueueTime")), voice.Language);
        }
        return IncomingCallWebhook.Answer(twiml.Play(voice.HoldMusicUrl));
    }

    private static async Task<bool> WaitedTooLongAsync(TwilioForm form, CallLog calls, RoutingConfigState routing, CancellationToken cancellationToken)
    {
        if (VoiceForm.Seconds(form, "QueueTime") is not { } waited || VoiceForm.CallSid(form).CallSid is not { } callSid)
        {
            return false;
        }
        var queue = await calls.QueueOfAsync(callSid, cancellationToken);
        return queue is not null
            && routing.Current.Queues.TryGetValue(queue, out var configured)
            && MustLeave(waited, configured.Definition.VoicemailAfterSeconds);
    }

    /// <param name="voicemailAfterSeconds">The queue's maximum wait; 0 = callers wait as long as it takes.</param>
    public static bool MustLeave(int waitedSeconds, int voicemailAfterSeconds) => voicemailAfterSeconds > 0 && waitedSeconds >= voicemailAfterSeconds;
}
