using ContactHub.Core.Domain;

namespace ContactHub.Server.Api;

/// <summary>The REST API's JSON shapes (camelCase on the wire). Stable: integrations rely on these names.</summary>
public sealed record ContactSummary(long Id, string DisplayName, IReadOnlyList<IdentityDto> Identities)
{
    public static ContactSummary From(Contact contact) =>
        new(contact.Id, contact.DisplayName, contact.Identities.Select(i => new IdentityDto(i.Channel, i.Address)).ToList());
}

public sealed record IdentityDto(string Channel, string Address);

/// <param name="Url">A provider URL or the hub's /api/files/{id}; empty when <paramref name="TooLarge"/> (the file was not stored).</param>
public sealed record AttachmentDto(string Url, string? ContentType, string? FileName, long? Size = null, bool TooLarge = false);

public sealed record InteractionDto(
    long Id,
    long ConversationId,
    string Channel,
    string Direction,
    string? ExternalId,
    string? Text,
    IReadOnlyList<AttachmentDto> Attachments,
    string Status,
    string? ErrorCode,
    DateTimeOffset CreatedAt)
{
    public static InteractionDto From(Interaction i) => new(
        i.Id,
        i.ConversationId,
        i.Channel.ToWire(),
        i.Direction == InteractionDirection.In ? "in" : "out",
        i.ExternalId,
        i.Text,
        i.Attachments.Select(a => new AttachmentDto(a.Url, a.ContentType, a.FileName, a.Size, a.TooLarge)).ToList(),
        i.Status,
        i.ErrorCode,
        i.CreatedAt)
    {
        ErrorReason = i.ErrorReason,
        EditedAt = i.EditedAt,
    };

    /// <summary>Why an outbound message failed, in words; null otherwise.</summary>
    public string? ErrorReason { get; init; }

    /// <summary>When the customer last edited the message (Telegram); null when never edited.</summary>
    public DateTimeOffset? EditedAt { get; init; }
}

public sealed record ConversationDto(
    long Id,
    long ContactId,
    string Channel,
    string State,
    string Queue,
    long? AssigneeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    IReadOnlyList<InteractionDto> Interactions);

/// <param name="Template">An approved template to send instead of <paramref name="Text"/> (WhatsApp outside its 24-hour window).</param>
public sealed record ReplyBody(string? Text, string? Channel, ReplyTemplateBody? Template = null);

/// <param name="Parameters">The values of the template's {{1}}, {{2}}... in order.</param>
public sealed record ReplyTemplateBody(string? Name, string? Language, List<string>? Parameters);

/// <summary>Whether a free-form reply may go out now and, when not, why and which approved templates may.</summary>
public sealed record ReplyOptionsDto(string Channel, bool FreeFormAllowed, DateTimeOffset? LastInboundAt, string? Reason, IReadOnlyList<TemplateDto> Templates);

public sealed record TemplateDto(string Name, string Language, string Body, int Parameters);

public sealed record AgentDto(long Id, string UserName, string DisplayName, string Role, string Presence, ContactHub.Core.Routing.AgentActivity Activity, int ActiveConversations);

public sealed record PresenceBody(string? Presence, string? Reason = null);
