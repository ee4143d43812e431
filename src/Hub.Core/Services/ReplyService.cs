using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Store;

namespace ContactHub.Core.Services;

public sealed record ReplyRequest(string Text, ChannelKind? Channel = null);

/// <summary>Queues an agent's reply in the outbox; the outbox worker sends it.</summary>
public sealed class ReplyService(ConversationRepository conversations, Outbox outbox, OutboxSignal signal, IHubEventBus events)
{
    public const int MaxReplyLength = 1600;

    public async Task<Interaction?> ReplyAsync(long conversationId, ReplyRequest request, long? authorAgentId, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        var interaction = await outbox.QueueReplyAsync(conversationId, request.Channel ?? conversation.Channel, request.Text, [], authorAgentId, cancellationToken);
        signal.Wake();
        await events.PublishAsync(new InteractionAppended(interaction.ContactId, conversationId, interaction.Id, conversation.AssigneeId));
        return interaction;
    }
}
