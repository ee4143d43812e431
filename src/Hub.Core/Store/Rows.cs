using System.Text.Json;
using ContactHub.Core.Domain;

namespace ContactHub.Core.Store;

/// <summary>Database rows as Dapper reads them (snake_case columns map through Dapper's underscore matching).</summary>
internal sealed class InteractionRow
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    public long ContactId { get; set; }
    public string Channel { get; set; } = "";
    public string Direction { get; set; } = "";
    public string? ExternalId { get; set; }
    public string? Text { get; set; }
    public string? AttachmentsJson { get; set; }
    public string Status { get; set; } = "";
    public string? ErrorCode { get; set; }
    public string? ErrorReason { get; set; }
    public long? AuthorAgentId { get; set; }
    public long CreatedAt { get; set; }
    public long? EditedAt { get; set; }

    public Interaction ToInteraction() => new(
        Id,
        ConversationId,
        ContactId,
        ChannelNames.Parse(Channel),
        Direction == "in" ? InteractionDirection.In : InteractionDirection.Out,
        ExternalId,
        Text,
        AttachmentsJson is null ? [] : JsonSerializer.Deserialize<List<Attachment>>(AttachmentsJson, StoreJson.Options) ?? [],
        Status,
        ErrorCode,
        AuthorAgentId,
        Clock.FromUnixMs(CreatedAt))
    {
        ErrorReason = ErrorReason,
        EditedAt = EditedAt is { } edited ? Clock.FromUnixMs(edited) : null,
    };
}

internal sealed class ConversationRow
{
    public long Id { get; set; }
    public long ContactId { get; set; }
    public string Channel { get; set; } = "";
    public string State { get; set; } = "";
    public string Queue { get; set; } = "";
    public long? AssigneeId { get; set; }
    public long CreatedAt { get; set; }
    public long LastActivityAt { get; set; }

    public int Priority { get; set; }
    public string? RequiredSkillsJson { get; set; }
    public string? Rule { get; set; }

    public Conversation ToConversation() => new(
        Id,
        ContactId,
        ChannelNames.Parse(Channel),
        Enum.Parse<ConversationState>(State, ignoreCase: true),
        Queue,
        AssigneeId,
        Clock.FromUnixMs(CreatedAt),
        Clock.FromUnixMs(LastActivityAt))
    {
        Priority = Priority,
        RequiredSkills = RequiredSkillsJson is null ? new Dictionary<string, int>() : JsonSerializer.Deserialize<Dictionary<string, int>>(RequiredSkillsJson, StoreJson.Options) ?? [],
        Rule = Rule,
    };
}

internal static class Columns
{
    public const string Interaction = "id, conversation_id, contact_id, channel, direction, external_id, text, attachments_json, status, error_code, error_reason, author_agent_id, created_at, edited_at";
    public const string Conversation = "id, contact_id, channel, state, queue, assignee_id, created_at, last_activity_at, priority, required_skills_json, rule";
}
