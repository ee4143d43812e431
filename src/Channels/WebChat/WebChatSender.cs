using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Outbound;

namespace ContactHub.Channels.WebChat;

/// <summary>
/// Hands an agent's reply to the visitor: announced on the event bus, so the node holding the visitor's connection
/// pushes it to their SignalR group at once (<see cref="WebChatRelay"/>). A visitor who is offline reads it from their
/// transcript when they come back, which lists exactly the replies handed over here. Replies to one visitor are paced
/// (<see cref="WebChatOptions.RepliesPerSecond"/>): past the pace the outbox retries them later, in order.
/// </summary>
public sealed class WebChatSender(IHubEventBus events, VisitorRateLimits limits, TimeProvider time) : IChannelSender
{
    public ChannelKind Channel => ChannelKind.WebChat;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.ToAddress.Length == 0)
        {
            return new SendRejected("no-visitor", "The conversation has no web chat visitor to answer.");
        }
        if (message.Text is not { Length: > 0 } text)
        {
            return new SendRejected("empty", "Web chat replies carry text; files cannot be sent to a visitor.");
        }
        if (limits.RetryAfter(VisitorLimit.Reply, message.ToAddress) is { } wait)
        {
            return new SendDeferred("Replies to this visitor are paced; this one goes out next.", wait);
        }
        await events.PublishAsync(new LiveReplyReady(message.ToAddress, message.ConversationId, message.InteractionId, text, time.GetUtcNow()));
        return new SendAccepted(WebChatInbox.ProviderIdFor(message.InteractionId), "sent");
    }
}
