using ContactHub.Core.Domain;
using ContactHub.Core.Config;
using ContactHub.Core.Events;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Microsoft.Extensions.Options;

namespace ContactHub.Core.Services;

/// <summary>
/// Tells a customer who writes while their queue is closed that nobody is there yet. Only a conversation's
/// opening append calls this, so each conversation gets the reply at most once, and each customer address at most
/// once per <see cref="AutomaticReplyOptions.PerAddressWindow"/> (an e-mail customer opens a conversation per
/// subject); its task waits in the closed queue until the queue opens.
/// </summary>
public sealed class OutOfHoursReplier(
    RoutingConfigState config,
    Outbox outbox,
    OutboxSignal signal,
    ConversationEventLog log,
    OptOuts optOuts,
    IHubEventBus events,
    AutomaticReplyLimits limits,
    IOptions<AutomaticReplyOptions> options,
    TimeProvider time)
{
    /// <returns>True when a reply was queued.</returns>
    public async Task<bool> ReplyIfClosedAsync(AppendResult opened, InboundInteraction interaction, CancellationToken cancellationToken)
    {
        if (!opened.OpenedConversation
            || interaction.IsAutomated
            // A caller hears the out-of-hours message on the line; there is nothing to send afterwards.
            || interaction.Channel == ChannelKind.Voice
            || !config.Current.Queues.TryGetValue(opened.Queue, out var queue)
            || queue.Hours.IsOpen(time.GetUtcNow())
            || string.IsNullOrWhiteSpace(queue.Definition.OutOfHoursReply))
        {
            return false;
        }
        if (await optOuts.FindAsync(interaction.Channel, interaction.SenderAddress, cancellationToken) is not null)
        {
            return false;
        }
        // Checked last: only a reply that would really be sent may use up the address's allowance.
        if (!await limits.TryClaimAsync(interaction.Channel, interaction.SenderAddress, options.Value.PerAddressWindow, cancellationToken))
        {
            return false;
        }
        var reply = await outbox.QueueReplyAsync(opened.ConversationId, interaction.Channel, queue.Definition.OutOfHoursReply, [], authorAgentId: null, cancellationToken);
        signal.Wake();
        await log.AppendAsync(opened.ConversationId, ConversationEventKinds.OutOfHours, null, new { queue = opened.Queue, replyInteractionId = reply.Id }, cancellationToken);
        await events.PublishAsync(new InteractionAppended(reply.ContactId, opened.ConversationId, reply.Id, AssigneeId: null));
        return true;
    }
}
