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
        try
        {
            if (result.OpenedConversation)
            {
                var offer = await router.EnqueueAsync(new RoutingTask(result.ConversationId, result.Queue, interaction.Channel, time.GetUtcNow()));
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
}
