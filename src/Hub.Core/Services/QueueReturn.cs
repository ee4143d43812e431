using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Core.Services;

/// <summary>
/// Takes a conversation away from its assignee and puts it back in its queue with raised priority, so it is answered
/// before new work; the log says why. Used when the assignee cannot do the work (offline, silent, a phone that was
/// not picked up).
/// </summary>
public sealed partial class QueueReturn(
    IRouterControl control,
    ConversationRepository conversations,
    ConversationEventLog log,
    IHubEventBus events,
    IOptions<ReclaimOptions> options,
    ILogger<QueueReturn> logger)
{
    /// <returns>False when the conversation had already left the assignee (resolved, transferred, taken back).</returns>
    public async Task<bool> ReturnAsync(Conversation conversation, long agentId, string why, CancellationToken cancellationToken)
    {
        if (!await conversations.UnassignAsync(conversation.Id, conversation.Queue, cancellationToken))
        {
            return false;
        }
        var offer = await control.TransferToQueueAsync(agentId, conversation.Id, conversation.Queue, options.Value.PriorityBoost, basis: "reclaimed");
        await log.AppendAsync(conversation.Id, ConversationEventKinds.Reclaimed, agentId, new { why }, cancellationToken);
        LogReturned(conversation.Id, agentId, why);
        await events.PublishAsync(new ConversationStateChanged(conversation.Id, conversation.ContactId, "queued"));
        if (offer is not null)
        {
            await events.PublishAsync(new OfferMade(offer.AgentId, offer.ConversationId, offer.ExpiresAt));
        }
        return true;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Conversation {ConversationId} taken back from agent {AgentId}: {Why}")]
    private partial void LogReturned(long conversationId, long agentId, string why);
}
