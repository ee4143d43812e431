namespace ContactHub.Core.Domain;

public sealed record Attachment(string Url, string? ContentType, string? FileName);

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
}

public sealed record Agent(long Id, string UserName, string DisplayName, string Role);
