using ContactHub.Core.Domain;

namespace ContactHub.Core.Stream;

/// <summary>
/// The one canonical shape every channel adapter maps a provider payload to. Nothing channel-specific
/// travels past this record: the stream appends it the same way whatever the channel.
/// </summary>
/// <param name="SenderAddress">The customer's address on the channel, already normalised (E.164 for phones).</param>
/// <param name="ExternalId">The provider's message id: appending is idempotent on (channel, external id).</param>
/// <param name="RecipientAddress">Our address the customer wrote to (a Twilio number, a mailbox).</param>
public sealed record InboundInteraction(
    ChannelKind Channel,
    string SenderAddress,
    string ExternalId,
    string? Text,
    IReadOnlyList<Attachment> Attachments,
    DateTimeOffset SentAt,
    string? SenderDisplayName = null,
    string? RecipientAddress = null)
{
    /// <summary>
    /// Threaded channels (e-mail) name the thread a new message starts, so one customer can have several open
    /// conversations; null for chat-like channels, which keep one open conversation per customer.
    /// </summary>
    public string? ThreadKey { get; init; }

    /// <summary>External ids this message answers (In-Reply-To, then References): it joins their thread.</summary>
    public IReadOnlyList<string> RepliesTo { get; init; } = [];

    /// <summary>
    /// Conversations the message names by a conversation token whose signature the adapter has verified (the e-mail
    /// subject's token first, then a plus-address's), consulted only when <see cref="RepliesTo"/> finds nothing.
    /// The store joins one only if it belongs to the same contact on the same channel.
    /// </summary>
    public IReadOnlyList<long> TokenConversations { get; init; } = [];

    /// <summary>
    /// Sent by a machine (an auto-responder, a mailing list, a bounce): never answered automatically, or two
    /// robots would answer each other forever.
    /// </summary>
    public bool IsAutomated { get; init; }

    /// <summary>
    /// A phone number (E.164) the provider vouches belongs to the sender, such as a Telegram user sharing their own
    /// contact. The store links it to the sender's contact, joining the contact that already owns that number: a strong
    /// match, unlike a typed-in address, which only ever becomes a merge suggestion.
    /// </summary>
    public string? VerifiedPhone { get; init; }

    /// <summary>
    /// An e-mail address the customer typed (a web chat pre-chat form). Never proof of identity: a contact that already
    /// owns the address becomes a merge suggestion for an agent, not a silent join.
    /// </summary>
    public string? ClaimedEmail { get; init; }

    /// <summary>The provider's original bytes (an e-mail's source), stored beside the interaction in the same transaction.</summary>
    public byte[]? RawSource { get; init; }

    /// <summary>
    /// Files that came with the message (e-mail attachments and inline images). The append path stores them with the
    /// interaction in one transaction, within <see cref="Files.FileLimits"/>, and lists them in its attachments.
    /// </summary>
    public IReadOnlyList<FileContent> Files { get; init; } = [];
}

public sealed record AppendResult(
    long ContactId,
    long ConversationId,
    long InteractionId,
    bool IsDuplicate,
    bool OpenedConversation,
    string Queue)
{
    /// <summary>The routing decision's priority; only meaningful when <see cref="OpenedConversation"/> is true.</summary>
    public int Priority { get; init; }

    /// <summary>Skills the routing rule asked for on top of the queue's; only set when the conversation was opened.</summary>
    public IReadOnlyDictionary<string, int> RequiredSkills { get; init; } = new Dictionary<string, int>();

    /// <summary>The routing rule that chose the queue, or null for the default queue.</summary>
    public string? Rule { get; init; }

    /// <summary>A contact this append proved to be the same person (a verified phone) and merged into <see cref="ContactId"/>.</summary>
    public long? MergedContactId { get; init; }
}
