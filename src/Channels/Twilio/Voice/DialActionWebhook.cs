using ContactHub.Core;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// The dial to the agent ended. Answered: the talk time is kept and the caller's line is closed. Not answered (busy,
/// no answer, failed): the conversation goes back to the queue with raised priority and the caller back on hold, so
/// the next agent can take them.
/// </summary>
public static class DialActionWebhook
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        TwilioWebhookGuard guard,
        CallLog calls,
        ConversationRepository conversations,
        QueueReturn queueReturn,
        IOptions<TwilioVoiceOptions> voiceOptions,
        IOptions<HubOptions> hubOptions,
        CancellationToken cancellationToken)
    {
        var (verified, rejection) = await guard.ReadVerifiedCallAsync(request, cancellationToken);
        if (verified is null)
        {
            return rejection!;
        }
        var (form, callSid) = verified;
        var dialStatus = form.Fields.GetValueOrDefault("DialCallStatus");
        if (string.IsNullOrWhiteSpace(dialStatus) || dialStatus.Length > 40)
        {
            return guard.Reject(request, StatusCodes.Status400BadRequest, "DialCallStatus is required.");
        }
        if (await calls.FindAsync(callSid, cancellationToken) is not { } call)
        {
            return guard.Reject(request, StatusCodes.Status404NotFound, $"No call {callSid} is known here.");
        }
        var voice = voiceOptions.Value;
        if (dialStatus is "completed" or "answered")
        {
            await calls.RecordTalkAsync(callSid, VoiceForm.Seconds(form, "DialCallDuration") ?? 0, cancellationToken);
            return IncomingCallWebhook.Answer(new Twiml().Hangup());
        }
        var conversation = await conversations.GetAsync(call.ConversationId, cancellationToken);
        if (conversation?.AssigneeId is { } agentId)
        {
            await queueReturn.ReturnAsync(conversation, agentId, $"did not answer the phone ({dialStatus})", cancellationToken);
        }
        var hub = hubOptions.Value;
        return IncomingCallWebhook.Answer(new Twiml()
            .Say("Sorry, that agent could not take your call. Please hold for the next available agent.", voice.Language)
            .Enqueue(IncomingCallWebhook.TwilioQueueName(conversation?.Queue ?? "general"), hub.PublicUrl(VoiceWebhookPaths.EnqueueAction), hub.PublicUrl(VoiceWebhookPaths.Wait)));
    }
}
