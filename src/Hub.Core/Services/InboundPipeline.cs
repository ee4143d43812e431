using ContactHub.Core.Config;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Stream;
using Microsoft.Extensions.Logging;

namespace ContactHub.Core.Services;

/// <summary>
/// What every channel's webhook calls: append durably, then route and notify. Routing failures do not
/// fail the append: the interaction is already safe and the reconciler queues it later.
/// </summary>
public sealed partial class InboundPipeline(
    IConversationStream stream,
    IRouter router,
    IHubEventBus events,
    OutOfHoursReplier outOfHours,
    StickyAgents sticky,
    TimeProvider time,
    ILogger<InboundPipeline> logger)
{
    public async Task<AppendResult> AcceptAsync(InboundInteraction interaction, CancellationToken cancellationToken)
    {
        var result = await stream.AppendAsync(interaction, cancellationToken);
        if (result.IsDuplicate)
        {
            return result;
        }
        if (result.MergedContactId is { } merged)
        {
            await events.PublishAsync(new ContactsMerged(result.ContactId, merged));
        }
        if (result.OpenedConversation)
        {
            try
            {
                await outOfHours.ReplyIfClosedAsync(result, interaction, cancellationToken);
            }
            catch (Exception error)
            {
                // The customer's message is stored; a missing courtesy reply must not fail the webhook.
                LogOutOfHoursReplyFailed(error, result.ConversationId);
            }
        }
        try
        {
            if (result.OpenedConversation)
            {
                var task = new RoutingTask(result.ConversationId, result.Queue, interaction.Channel, time.GetUtcNow())
                {
                    Priority = result.Priority,
                    RequiredSkills = result.RequiredSkills,
                    Rule = result.Rule,
                    PreferredAgentId = await sticky.PreferredAgentAsync(result.ContactId, result.ConversationId, result.Queue, cancellationToken),
                };
                var offer = await router.EnqueueAsync(task);
                if (offer is not null)
                {
                    await events.PublishAsync(new OfferMade(offer.AgentId, offer.ConversationId, offer.ExpiresAt));
                }
            }
            await events.PublishAsync(new InteractionAppended(result.ContactId, result.ConversationId, result.InteractionId, AssigneeId: null));
        }
        catch (Exception error)
        {
            LogRoutingDeferred(error, result.ConversationId);
        }
        return result;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Conversation {ConversationId} is stored but could not be routed now; the reconciler will queue it")]
    private partial void LogRoutingDeferred(Exception error, long conversationId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Conversation {ConversationId} opened in a closed queue but the out-of-hours reply could not be queued")]
    private partial void LogOutOfHoursReplyFailed(Exception error, long conversationId);
}
