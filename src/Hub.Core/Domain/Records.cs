namespace ContactHub.Core.Domain;

/// <summary>A file or link on an interaction, as the timeline shows it.</summary>
/// <param name="Url">Where the file is: a provider's URL, or the hub's <c>/api/files/{id}</c> for a stored file; empty when <see cref="TooLarge"/>.</param>
public sealed record Attachment(string Url, string? ContentType, string? FileName)
{
    /// <summary>The size in bytes when known (stored files and files too large to store).</summary>
    public long? Size { get; init; }

    /// <summary>Over the size limit, so not stored as a file; its bytes are still in the interaction's raw source.</summary>
    public bool TooLarge { get; init; }
}

public sealed record ChannelIdentity(string Channel, string Address);

public sealed record Contact(long Id, string DisplayName, IReadOnlyList<ChannelIdentity> Identities, DateTimeOffset CreatedAt);

public sealed record Conversation(
    long Id,
    long ContactId,
    ChannelKind Channel,
    ConversationState State,
    string Queue,
    long? AssigneeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt)
{
    /// <summary>The routing decision taken when it opened (rule, priority, skills), kept for re-queueing.</summary>
    public int Priority { get; init; }

    public IReadOnlyDictionary<string, int> RequiredSkills { get; init; } = new Dictionary<string, int>();

    public string? Rule { get; init; }
}

public sealed record Interaction(
    long Id,
    long ConversationId,
    long ContactId,
    ChannelKind Channel,
    InteractionDirection Direction,
    string? ExternalId,
    string? Text,
    IReadOnlyList<Attachment> Attachments,
    string Status,
    string? ErrorCode,
    long? AuthorAgentId,
    DateTimeOffset CreatedAt)
{
    /// <summary>Why an outbound message failed, in words (a bounce's diagnostic, the provider's refusal); null otherwise.</summary>
    public string? ErrorReason { get; init; }

    /// <summary>When the customer last edited the message (Telegram); its <see cref="Text"/> is the edited one. Null: never edited.</summary>
    public DateTimeOffset? EditedAt { get; init; }
}

public sealed record Agent(long Id, string UserName, string DisplayName, string Role);
