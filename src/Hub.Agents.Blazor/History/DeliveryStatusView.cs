using ContactHub.Core.Outbound;

namespace ContactHub.Agents.Blazor.History;

/// <summary>How an outbound message's delivery status looks: a glyph and a tone next to the status word.</summary>
public sealed record DeliveryStatusView(string Glyph, string Tone)
{
    public static DeliveryStatusView For(string status) => status switch
    {
        DeliveryStatus.Pending or "accepted" or "scheduled" or "queued" => new("◷", "wait"),
        "sending" or "initiated" or "ringing" => new("↗", "wait"),
        "in-progress" or "completed" => new("✓", "ok"),
        "sent" => new("✓", "ok"),
        "delivered" or "partially_delivered" => new("✓✓", "ok"),
        "read" => new("✓✓", "read"),
        "failed" or "undelivered" or "canceled" or "busy" or "no-answer" or DeliveryStatus.Interrupted => new("⚠", "failed"),
        _ => new("•", "wait"),
    };

    public bool IsFailure => Tone == "failed";

    /// <summary>Why a message failed, in words (a bounce's diagnostic, the provider's refusal), or null when it did not fail or no reason was recorded.</summary>
    public static string? FailureReason(string status, string? errorReason) =>
        For(status).IsFailure && !string.IsNullOrWhiteSpace(errorReason) ? errorReason.Trim() : null;
}
