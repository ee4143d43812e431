using System.Text.Json.Serialization;

namespace ContactHub.Core.Events;

/// <summary>Something every node's consoles may need to show. Travels between nodes as JSON.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(InteractionAppended), "interaction")]
[JsonDerivedType(typeof(InteractionStatusChanged), "status")]
[JsonDerivedType(typeof(OfferMade), "offer")]
[JsonDerivedType(typeof(OfferWithdrawn), "offer-withdrawn")]
[JsonDerivedType(typeof(ConversationAssigned), "assigned")]
[JsonDerivedType(typeof(ConversationStateChanged), "state")]
[JsonDerivedType(typeof(AgentPresenceChanged), "presence")]
[JsonDerivedType(typeof(ContactsMerged), "contacts-merged")]
public abstract record HubEvent;

public sealed record InteractionAppended(long ContactId, long ConversationId, long InteractionId, long? AssigneeId) : HubEvent;

public sealed record InteractionStatusChanged(long ContactId, long ConversationId, long InteractionId, string Status) : HubEvent;

public sealed record OfferMade(long AgentId, long ConversationId, DateTimeOffset ExpiresAt) : HubEvent;

public sealed record OfferWithdrawn(long AgentId, long ConversationId) : HubEvent;

public sealed record ConversationAssigned(long AgentId, long ConversationId, long ContactId) : HubEvent;

public sealed record ConversationStateChanged(long ConversationId, long ContactId, string State) : HubEvent;

/// <summary>Two contacts turned out to be one person: everything <paramref name="MergedId"/> owned now belongs to <paramref name="SurvivorId"/>.</summary>
public sealed record ContactsMerged(long SurvivorId, long MergedId) : HubEvent;

public sealed record AgentPresenceChanged(long AgentId, string Presence) : HubEvent;
