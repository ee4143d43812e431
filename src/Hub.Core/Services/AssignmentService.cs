using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;

namespace ContactHub.Core.Services;

/// <summary>The agent's answers to offers and the end of a conversation, kept consistent between router and store.</summary>
public sealed class AssignmentService(
    IRouter router,
    IRouterControl control,
    ConversationRepository conversations,
    ConversationEventLog log,
    IHubEventBus events,
    IEnumerable<IAssignmentFollowUp> followUps,
    WrapUpRules wrapUpRules)
{
    public async Task<bool> AcceptAsync(long agentId, long conversationId, CancellationToken cancellationToken)
    {
        // Read the offer's reason before accepting: afterwards the router no longer holds the offer.
        var pending = (await router.GetAgentStateAsync(agentId)).PendingOffer;
        if (await router.AcceptAsync(agentId, conversationId) != OfferAnswer.Accepted)
        {
            return false;
        }
        await conversations.AssignAsync(conversationId, agentId, cancellationToken);
        var reason = pending?.ConversationId == conversationId ? pending.Reason : null;
        await log.AppendAsync(conversationId, ConversationEventKinds.Assigned, agentId, reason, cancellationToken);
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        await events.PublishAsync(new ConversationAssigned(agentId, conversationId, conversation?.ContactId ?? 0));
        if (conversation is not null)
        {
            foreach (var followUp in followUps)
            {
                await followUp.OnAcceptedAsync(conversation, agentId, cancellationToken);
            }
        }
        return true;
    }

    public async Task DeclineAsync(long agentId, long conversationId)
    {
        var next = await router.DeclineAsync(agentId, conversationId);
        await events.PublishAsync(new OfferWithdrawn(agentId, conversationId));
        await PublishOfferAsync(next);
    }

    /// <summary>
    /// Resolves the agent's conversation with their wrap-up (checked against <see cref="WrapUpRules"/>), stored on the
    /// <c>resolved</c> event, and frees the agent's capacity (the queue's wrap-up time follows in the router).
    /// </summary>
    public async Task<ResolveOutcome> ResolveAsync(long agentId, long conversationId, WrapUp wrapUp, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        if (conversation is null || conversation.AssigneeId != agentId || conversation.State == ConversationState.Resolved)
        {
            return ResolveOutcome.NotYours;
        }
        // Checked before the state changes: a refused wrap-up leaves the conversation open for the agent to correct.
        var (checkedWrapUp, problem) = wrapUpRules.Check(wrapUp, conversation.Channel);
        if (checkedWrapUp is null)
        {
            return ResolveOutcome.Refused(problem ?? "Invalid wrap-up.");
        }
        if (!await conversations.SetStateAsync(conversationId, ConversationState.Resolved, cancellationToken))
        {
            return ResolveOutcome.NotYours;
        }
        var data = checkedWrapUp == WrapUp.None ? null : new { disposition = checkedWrapUp.Disposition, note = checkedWrapUp.Note };
        await log.AppendAsync(conversationId, ConversationEventKinds.Resolved, agentId, data, cancellationToken);
        await events.PublishAsync(new ConversationStateChanged(conversationId, conversation.ContactId, "resolved"));
        await PublishOfferAsync(await router.ReleaseAsync(agentId, conversationId));
        return ResolveOutcome.Done;
    }

    public async Task SetPresenceAsync(long agentId, AgentPresence presence)
    {
        var offers = await router.SetPresenceAsync(agentId, presence);
        await events.PublishAsync(new AgentPresenceChanged(agentId, presence.ToString().ToLowerInvariant()));
        foreach (var offer in offers)
        {
            await PublishOfferAsync(offer);
        }
    }

    /// <summary>Away with a reason; the router re-offers a withdrawn offer to someone else and announces it.</summary>
    public async Task SetAwayAsync(long agentId, string reason)
    {
        await control.SetAwayAsync(agentId, reason);
        await events.PublishAsync(new AgentPresenceChanged(agentId, "away"));
    }

    private Task PublishOfferAsync(Offer? offer) =>
        offer is null ? Task.CompletedTask : events.PublishAsync(new OfferMade(offer.AgentId, offer.ConversationId, offer.ExpiresAt));
}
