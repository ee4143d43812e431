using ContactHub.Core.Services;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Twilio reports how the caller's wait ended. A hang-up in the queue is an abandoned call: recorded with its wait,
/// counted by the router, and the conversation closed. A caller who left the queue (the wait URL's &lt;Leave/&gt; after
/// the queue's maximum wait) is offered voicemail and stays a task. Other results are kept for the call's record.
/// </summary>
public static class EnqueueActionWebhook
{
    private static readonly HashSet<string> Unanswered = new(StringComparer.Ordinal) { "hangup", "error", "system-error", "queue-full" };

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TwilioWebhookGuard guard,
        CallLog calls,
        CallAbandonment abandonment,
        IOptions<TwilioVoiceOptions> voiceOptions,
        VoicemailOffers voicemail,
        CancellationToken cancellationToken)
    {
        var (verified, rejection) = await guard.ReadVerifiedCallAsync(request, cancellationToken);
        if (verified is null)
        {
            return rejection!;
        }
        var (form, callSid) = verified;
        var result = form.Fields.GetValueOrDefault("QueueResult");
        if (string.IsNullOrWhiteSpace(result) || result.Length > 40)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, "QueueResult is required.");
        }
        var call = await calls.RecordQueueResultAsync(callSid, result, VoiceForm.Seconds(form, "QueueTime") ?? 0, cancellationToken);
        if (call is null)
        {
            return guard.Reject(request, StatusCodes.Status404NotFound, $"No call {callSid} is known here.");
        }
        if (Unanswered.Contains(result))
        {
            await abandonment.CloseIfUnansweredAsync(call, result, cancellationToken);
        }
        if (result == "leave")
        {
            return await voicemail.OfferUnavailableAsync(callSid, "waited past the queue's maximum", cancellationToken);
        }
        var twiml = new Twiml();
        if (result is "queue-full" or "error" or "system-error")
        {
            // The caller is still on the line: say something rather than leave them in silence.
            twiml.Say("We are sorry, we cannot take your call right now. Please try again later. Goodbye.", voiceOptions.Value.Language).Hangup();
        }
        return IncomingCallWebhook.Answer(twiml);
    }
}
