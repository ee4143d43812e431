using ContactHub.Core.Domain;

namespace ContactHub.Core.Services;

/// <summary>What became of an agent's reply: queued for sending, refused with a reason the agent can act on, or no conversation.</summary>
public abstract record ReplyOutcome;

public sealed record ReplyQueued(Interaction Interaction) : ReplyOutcome;

/// <param name="Code">Stable, machine-readable (e.g. "opted-out"); <paramref name="Reason"/> is for the agent.</param>
public sealed record ReplyRefused(string Code, string Reason) : ReplyOutcome;

public sealed record ReplyConversationMissing : ReplyOutcome;
