using ContactHub.Core;
using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// A customer calls our number: the call is stored on the caller's timeline (as its own conversation, so every call
/// is routed) before Twilio gets its TwiML, which greets the caller and puts them in the hold queue the routing rules
/// chose. A closed queue says so and offers voicemail, as does a queue nobody who could answer is logged in to.
/// </summary>
public static class IncomingCallWebhook
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TwilioWebhookGuard guard,
        InboundPipeline pipeline,
        CallLog calls,
        RoutingConfigState routing,
        IOptions<TwilioVoiceOptions> voiceOptions,
        IOptions<HubOptions> hubOptions,
        VoicemailOffers voicemail,
        IHubEventBus events,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (verified, rejection) = await guard.ReadVerifiedCallAsync(request, cancellationToken);
        if (verified is null)
        {
            return rejection!;
        }
        var (form, callSid) = verified;
        var caller = CallerAddress(form.Fields.GetValueOrDefault("From"), callSid);
        var now = time.GetUtcNow();
        var call = new InboundInteraction(ChannelKind.Voice, caller, callSid, Text: null, [], now, RecipientAddress: form.Fields.GetValueOrDefault("To"))
        {
            // One conversation per call: a second call while the first is still open must be routed too.
            ThreadKey = callSid,
        };
        var stored = await pipeline.AcceptAsync(call, cancellationToken);
        await calls.OpenAsync(callSid, stored.InteractionId, stored.ConversationId, cancellationToken);

        var voice = voiceOptions.Value;
        var hub = hubOptions.Value;
        var twiml = new Twiml();
        if (routing.Current.Queues.TryGetValue(stored.Queue, out var queue) && !queue.Hours.IsOpen(now))
        {
            var message = string.IsNullOrWhiteSpace(queue.Definition.OutOfHoursReply) ? voice.ClosedMessage : queue.Definition.OutOfHoursReply;
            return await voicemail.OfferAsync(callSid, message, "out of hours", cancellationToken);
        }
        if (await voicemail.NobodyLoggedInAsync(stored.Queue, callSid))
        {
            return await voicemail.OfferUnavailableAsync(callSid, "nobody logged in", cancellationToken);
        }
        if (await calls.MarkQueuedAsync(callSid, cancellationToken) is { } queued)
        {
            // Consoles already showing this customer (the append was announced before the call had a record) catch up.
            await events.PublishAsync(new InteractionStatusChanged(queued.ContactId, queued.ConversationId, queued.InteractionId, queued.Status));
        }
        twiml.Say(voice.Greeting, voice.Language)
            .Enqueue(TwilioQueueName(stored.Queue), hub.PublicUrl(VoiceWebhookPaths.EnqueueAction), hub.PublicUrl(VoiceWebhookPaths.Wait));
        return Answer(twiml);
    }

    /// <summary>
    /// Callers who withhold their number ("anonymous", "+266696687", a SIP or client name) cannot be recognised:
    /// each such call gets its own contact instead of lumping strangers together.
    /// </summary>
    private static string CallerAddress(string? from, string callSid) =>
        from is { Length: <= InboundLimits.MaxAddressLength } && PhoneNumber.TryNormalize(from, out var number) && number != "+266696687"
            ? number
            : "anonymous:" + callSid;

    // Twilio queue names are at most 64 characters; ours are validated shorter, this is the belt to those braces.
    internal static string TwilioQueueName(string queue) => queue.Length <= 64 ? queue : queue[..64];

    internal static IResult Answer(Twiml twiml) => TypedResults.Text(twiml.ToString(), Twiml.ContentType);
}
