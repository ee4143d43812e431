using ContactHub.Core.Domain;

namespace ContactHub.Core.Outbound;

public sealed record OutboundMessage(long InteractionId, long ConversationId, ChannelKind Channel, string ToAddress, string? Text, IReadOnlyList<Attachment> Attachments)
{
    /// <summary>The agent who wrote the message or placed the call; null for the hub's own messages.</summary>
    public long? AuthorAgentId { get; init; }

    /// <summary>Set when the agent sent an approved template (WhatsApp outside its 24-hour window); <see cref="Text"/> is then its rendered body.</summary>
    public TemplateMessage? Template { get; init; }
}

public abstract record SendResult;

/// <summary>The provider took the message; <see cref="ProviderId"/> is what its status callbacks will name.</summary>
public sealed record SendAccepted(string ProviderId, string Status) : SendResult;

/// <summary>Worth trying again later (rate limit, provider 5xx, network).</summary>
public sealed record SendDeferred(string Reason, TimeSpan? RetryAfter) : SendResult;

/// <summary>
/// The request may or may not have reached the provider (a timeout or a connection lost after sending).
/// Never retried: a second attempt could text the customer twice. The agent sees it as interrupted.
/// </summary>
public sealed record SendUncertain(string Reason) : SendResult;

/// <summary>The provider refused the message for good (invalid number, opted out...).</summary>
public sealed record SendRejected(string ErrorCode, string Reason) : SendResult
{
    /// <summary>The provider refused because the customer opted out (Twilio 21610): the hub remembers it and refuses
    /// further replies up front.</summary>
    public bool RecipientOptedOut { get; init; }

    /// <summary>What the opt-out is recorded as when <see cref="RecipientOptedOut"/>: the word the customer sent, or
    /// what they did (a Telegram user who blocked the bot).</summary>
    public string OptOutKeyword { get; init; } = "STOP";
}

/// <summary>One per channel: speaks the provider's send API. Shaped so an official SDK could sit behind it.</summary>
public interface IChannelSender
{
    ChannelKind Channel { get; }

    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
