using System.Globalization;
using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Store;

namespace ContactHub.Core.Services;

public sealed record ReplyRequest(string Text, ChannelKind? Channel = null);

/// <summary>Queues an agent's reply in the outbox; the outbox worker sends it.</summary>
public sealed class ReplyService(ConversationRepository conversations, Outbox outbox, OutboxSignal signal, OptOuts optOuts, IHubEventBus events)
{
    public const int MaxReplyLength = 1600;

    public const string OptedOutCode = "opted-out";

    public async Task<ReplyOutcome> ReplyAsync(long conversationId, ReplyRequest request, long? authorAgentId, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return new ReplyConversationMissing();
        }
        var channel = request.Channel ?? conversation.Channel;
        // Refused here, before the outbox, so the agent learns why at once instead of from a failed delivery later
        // (carriers fine senders who ignore STOP; Twilio itself refuses with 21610).
        if (await optOuts.FindForContactAsync(conversation.ContactId, channel, cancellationToken) is { } optOut)
        {
            return new ReplyRefused(OptedOutCode, OptedOutReason(optOut));
        }
        var interaction = await outbox.QueueReplyAsync(conversationId, channel, request.Text, [], authorAgentId, cancellationToken);
        signal.Wake();
        await events.PublishAsync(new InteractionAppended(interaction.ContactId, conversationId, interaction.Id, conversation.AssigneeId));
        return new ReplyQueued(interaction);
    }

    public static string OptedOutReason(OptOut optOut) => string.Create(
        CultureInfo.InvariantCulture,
        $"The customer opted out of {optOut.Channel.ToString().ToUpperInvariant()} by sending \"{optOut.Keyword}\" on {optOut.OptedOutAt:yyyy-MM-dd HH:mm} UTC, so they cannot be texted (Twilio error 21610) until they send START.");
}
