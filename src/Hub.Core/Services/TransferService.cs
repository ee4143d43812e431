using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;

namespace ContactHub.Core.Services;

/// <summary>Hands a conversation to another agent (who must accept) or back to a queue, with a note for whoever picks it up.</summary>
public sealed class TransferService(
    IRouterControl router,
    ConversationRepository conversations,
    ConversationEventLog log,
    IHubEventBus events)
{
    public const int MaxNoteLength = 1000;

    public async Task<bool> ToAgentAsync(long fromAgentId, long conversationId, long toAgentId, string? note, CancellationToken cancellationToken)
    {
        if (!await HoldsAsync(fromAgentId, conversationId, cancellationToken) || fromAgentId == toAgentId)
        {
            return false;
        }
        var offer = await router.TransferToAgentAsync(fromAgentId, conversationId, toAgentId);
        await log.AppendAsync(conversationId, ConversationEventKinds.Transferred, fromAgentId, new { toAgentId, note = Trim(note), offered = offer is not null }, cancellationToken);
        if (offer is not null)
        {
            await events.PublishAsync(new OfferMade(offer.AgentId, offer.ConversationId, offer.ExpiresAt));
        }
        return offer is not null;
    }

    public async Task<bool> ToQueueAsync(long fromAgentId, long conversationId, string queue, string? note, CancellationToken cancellationToken)
    {
        if (await conversations.GetAsync(conversationId, cancellationToken) is not { } conversation || conversation.AssigneeId != fromAgentId)
        {
            return false;
        }
        await conversations.UnassignAsync(conversationId, queue, cancellationToken);
        var offer = await router.TransferToQueueAsync(fromAgentId, conversationId, queue, priority: 0);
        await log.AppendAsync(conversationId, ConversationEventKinds.Transferred, fromAgentId, new { queue, note = Trim(note) }, cancellationToken);
        await events.PublishAsync(new ConversationStateChanged(conversationId, conversation.ContactId, "queued"));
        if (offer is not null)
        {
            await events.PublishAsync(new OfferMade(offer.AgentId, offer.ConversationId, offer.ExpiresAt));
        }
        return true;
    }

    private async Task<bool> HoldsAsync(long agentId, long conversationId, CancellationToken cancellationToken) =>
        await conversations.GetAsync(conversationId, cancellationToken) is { } conversation && conversation.AssigneeId == agentId;

    private static string? Trim(string? note) => note is null ? null : note.Length > MaxNoteLength ? note[..MaxNoteLength] : note;
}
