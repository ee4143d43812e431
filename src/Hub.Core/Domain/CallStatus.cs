namespace ContactHub.Core.Domain;

/// <summary>
/// A call's lifecycle in the order it happens. Twilio's callbacks may arrive out of order, so a status only replaces
/// one of lower rank: a late "ringing" never undoes "completed".
/// </summary>
public static class CallStatus
{
    public const string Ringing = "ringing";
    public const string Queued = "queued";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";

    public static int Rank(string status) => status switch
    {
        "initiated" or Ringing => 1,
        Queued => 2,
        InProgress => 3,
        Completed or "busy" or "no-answer" or "failed" or "canceled" => 4,
        _ => -1,
    };

    public static bool IsFinal(string status) => Rank(status) == 4;
}

/// <summary>What the timeline and the metrics know of one call.</summary>
public sealed record CallRecord(
    string CallSid,
    long InteractionId,
    long ConversationId,
    long ContactId,
    string Status,
    string? QueueResult,
    int? QueueSeconds,
    int? TalkSeconds,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>Null when the caller was never offered voicemail, else <see cref="VoicemailState"/>'s values.</summary>
    public string? Voicemail { get; init; }
}

/// <summary>How far a caller got with voicemail. A caller who left a message is waiting for a call back, not abandoned.</summary>
public static class VoicemailState
{
    /// <summary>The caller heard the prompt; until a message arrives, hanging up is abandoning.</summary>
    public const string Offered = "offered";

    public const string Left = "left";
}
