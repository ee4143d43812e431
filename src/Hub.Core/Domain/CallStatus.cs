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
    DateTimeOffset? EndedAt);
