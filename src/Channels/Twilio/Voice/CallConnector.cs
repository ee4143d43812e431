using ContactHub.Core;
using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Twilio.Voice;

/// <summary>
/// Puts a waiting caller through once an agent accepts the call's offer: the live call gets TwiML that dials the
/// agent (browser phone or number). If Twilio cannot be told, the call goes back to the queue rather than leave the
/// caller holding for an agent who is waiting for a call that never rings.
/// </summary>
public sealed partial class CallConnector(
    CallLog calls,
    TwilioCallsClient twilio,
    AgentDialTarget targets,
    QueueReturn queueReturn,
    RoutingConfigState routing,
    IOptions<TwilioVoiceOptions> voiceOptions,
    IOptions<HubOptions> hubOptions,
    ILogger<CallConnector> logger) : IAssignmentFollowUp
{
    public async Task OnAcceptedAsync(Conversation conversation, long agentId, CancellationToken cancellationToken)
    {
        if (conversation.Channel != ChannelKind.Voice
            || await calls.ForConversationAsync(conversation.Id, cancellationToken) is not { } call
            || CallStatus.IsFinal(call.Status)
            // Sent to voicemail: the caller is no longer holding, the agent calls back instead.
            || call.Voicemail is not null
            || call.QueueResult == "leave")
        {
            return;
        }
        var hub = hubOptions.Value;
        var (isNumber, address) = targets.For(agentId);
        var twiml = new Twiml().DialAgent(
            isNumber,
            address,
            voiceOptions.Value.AgentRingSeconds,
            hub.PublicUrl(VoiceWebhookPaths.DialAction),
            hub.PublicUrl(VoiceWebhookPaths.AgentLegStatus),
            routing.Current.Queues.TryGetValue(conversation.Queue, out var queue) && queue.Definition.RecordCalls
                ? hub.PublicUrl(VoiceWebhookPaths.RecordingStatus)
                : null);
        var (outcome, detail) = await twilio.RedirectAsync(call.CallSid, twiml, cancellationToken);
        LogRedirect(call.CallSid, agentId, outcome, detail);
        if (outcome == CallUpdateOutcome.Failed)
        {
            await queueReturn.ReturnAsync(conversation, agentId, "the call could not be put through", cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "Call {CallSid} to agent {AgentId}: {Outcome} ({Detail})")]
    private partial void LogRedirect(string callSid, long agentId, CallUpdateOutcome outcome, string detail);
}
