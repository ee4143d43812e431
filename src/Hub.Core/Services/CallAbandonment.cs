using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;

namespace ContactHub.Core.Services;

/// <summary>
/// Closes the conversation of a call that ended before any agent took it: the router counts it abandoned (with its
/// wait, for the abandonment rate) and withdraws a ringing offer, and the conversation is resolved so nobody is
/// later offered a call that no longer exists. A caller who left a voicemail is not abandoned: their conversation stays
/// queued as the task of calling them back.
/// </summary>
public sealed class CallAbandonment(IRouterControl router, ConversationRepository conversations, ConversationEventLog log, IHubEventBus events)
{
    /// <returns>True when this call closed the conversation (false when an agent had it, it was already closed, or the caller left a voicemail).</returns>
    public async Task<bool> CloseIfUnansweredAsync(CallRecord call, string reason, CancellationToken cancellationToken)
    {
        // REVIEW: a caller who hangs up mid-message makes Twilio post the Record action (which marks the message left)
        // and the final status callback close together; should the status win the race, the call counts abandoned and
        // the recording still lands on the timeline of the resolved conversation. Twilio normally posts the action first.
        if (call.Voicemail == VoicemailState.Left)
        {
            return false;
        }
        var conversation = await conversations.GetAsync(call.ConversationId, cancellationToken);
        if (conversation is null || conversation.AssigneeId is not null || conversation.State == ConversationState.Resolved)
        {
            return false;
        }
        if (!await conversations.ResolveUnassignedAsync(call.ConversationId, cancellationToken))
        {
            return false;
        }
        // The store decided; the router may not know the task any more (after a routing-state loss), which is fine.
        await router.AbandonAsync(call.ConversationId);
        await log.AppendAsync(call.ConversationId, ConversationEventKinds.Abandoned, agentId: null, new { waitedSeconds = call.QueueSeconds, reason }, cancellationToken);
        await events.PublishAsync(new ConversationStateChanged(call.ConversationId, conversation.ContactId, "resolved"));
        return true;
    }
}
