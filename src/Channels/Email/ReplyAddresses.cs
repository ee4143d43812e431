using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Email.Threading;
using ContactHub.Core.Config;
using ContactHub.Core.Store;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Email;

/// <summary>How a reply in one conversation is addressed: From the conversation's queue (else the hub's address),
/// the conversation's token, and a Reply-To carrying that token when plus-addressing is switched on.</summary>
/// <param name="ReplyTo">Null when plus-addressing is off or From cannot take a subaddress.</param>
public sealed record ReplyAddressing(MimeMailbox From, MimeMailbox? ReplyTo, ConversationToken Token);

/// <summary>Works out <see cref="ReplyAddressing"/> for a conversation.</summary>
public sealed class ReplyAddresses(
    IOptions<EmailSendOptions> send,
    IOptions<EmailThreadingOptions> threading,
    ConversationRepository conversations,
    RoutingConfigState routing,
    ConversationTokenKey tokenKey)
{
    public async Task<ReplyAddressing> ForAsync(long conversationId, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        var sender = From(conversation?.Queue);
        var token = (await tokenKey.TokensAsync(cancellationToken)).Issue(conversationId);
        var replyTo = threading.Value.PlusAddressReplyTo && PlusAddress.Tagged(sender.Address, token) is { } tagged
            ? sender with { Address = tagged }
            : null;
        return new ReplyAddressing(sender, replyTo, token);
    }

    private MimeMailbox From(string? queue)
    {
        var settings = send.Value;
        // The routing snapshot, not the store: it is already in memory, and every admin change reloads it before answering.
        if (queue is not null && routing.Current.Queues.TryGetValue(queue, out var configured) && configured.Definition.EmailFrom is { Length: > 0 } address)
        {
            return new MimeMailbox(configured.Definition.EmailFromName ?? settings.FromName, address);
        }
        return new MimeMailbox(settings.FromName, settings.From);
    }
}
