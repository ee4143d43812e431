namespace ContactHub.Core.Outbound;

/// <summary>
/// The lifecycle order of delivery statuses. Provider callbacks arrive out of order; a status only
/// replaces another of lower rank, so a late "sent" never undoes "delivered".
/// </summary>
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";

    public static int Rank(string status) => status switch
    {
        Pending => 0,
        "accepted" or "scheduled" or "queued" => 1,
        // Outbound calls share the ladder: placed, ringing, talking, ended.
        "sending" or "initiated" or "ringing" => 2,
        "sent" or "in-progress" => 3,
        "delivered" or "undelivered" or "failed" or "canceled" or "partially_delivered" or Interrupted or "completed" or "busy" or "no-answer" => 4,
        "read" => 5,
        _ => -1,
    };

    public static bool IsKnown(string status) => Rank(status) >= 0;
}
