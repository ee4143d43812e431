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
[JsonDerivedType(typeof(ContactOptOutChanged), "opt-out-changed")]
[JsonDerivedType(typeof(CustomerTyping), "customer-typing")]
[JsonDerivedType(typeof(AgentTyping), "agent-typing")]
[JsonDerivedType(typeof(AgentSeen), "agent-seen")]
[JsonDerivedType(typeof(LiveReplyReady), "live-reply")]
public abstract record HubEvent;

public sealed record InteractionAppended(long ContactId, long ConversationId, long InteractionId, long? AssigneeId) : HubEvent;

public sealed record InteractionStatusChanged(long ContactId, long ConversationId, long InteractionId, string Status) : HubEvent;

public sealed record OfferMade(long AgentId, long ConversationId, DateTimeOffset ExpiresAt) : HubEvent;

public sealed record OfferWithdrawn(long AgentId, long ConversationId) : HubEvent;

public sealed record ConversationAssigned(long AgentId, long ConversationId, long ContactId) : HubEvent;

public sealed record ConversationStateChanged(long ConversationId, long ContactId, string State) : HubEvent;

/// <summary>Two contacts turned out to be one person: everything <paramref name="MergedId"/> owned now belongs to <paramref name="SurvivorId"/>.</summary>
public sealed record ContactsMerged(long SurvivorId, long MergedId) : HubEvent;

/// <summary>The customer opted out or back in on a channel (STOP/START, a blocked or unblocked bot): consoles showing them re-read it.</summary>
public sealed record ContactOptOutChanged(long ContactId) : HubEvent;

public sealed record AgentPresenceChanged(long AgentId, string Presence) : HubEvent;

/// <summary>A live-chat customer is typing in the conversation (throttled by the channel): the agent's view shows it for a few seconds.</summary>
public sealed record CustomerTyping(long ConversationId) : HubEvent;

/// <summary>The agent is typing a reply (throttled by the console): a live-chat customer sees it for a few seconds.</summary>
public sealed record AgentTyping(long ConversationId, long AgentId) : HubEvent;

/// <summary>The agent has the conversation on screen with every customer message up to <paramref name="UpToInteractionId"/>.</summary>
public sealed record AgentSeen(long ConversationId, long UpToInteractionId) : HubEvent;

/// <summary>
/// A reply for a customer connected live (web chat) was handed to its channel: whichever node holds the customer's
/// connection pushes it, so the bus is the only fan-out between nodes.
/// </summary>
/// <param name="CustomerAddress">The customer's address on the channel (the web chat visitor id).</param>
public sealed record LiveReplyReady(string CustomerAddress, long ConversationId, long InteractionId, string? Text, DateTimeOffset At) : HubEvent;
