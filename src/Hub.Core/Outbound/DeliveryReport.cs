using ContactHub.Core.Domain;

namespace ContactHub.Core.Outbound;

/// <summary>
/// A mail system's report about one of our sent messages (an e-mail bounce, RFC 3464), normalised by its channel.
/// It is attached to the message it concerns, never appended as a customer's message.
/// </summary>
/// <param name="ReportId">The report's own id (its Message-ID): the same report applied twice changes nothing.</param>
/// <param name="ConcernsExternalIds">External ids the sent message may have, the most certain first.</param>
/// <param name="Action">What happened to the recipient: <see cref="DeliveryReportActions"/> or another RFC 3464 action (kept, not acted on).</param>
/// <param name="StatusCode">The enhanced status code, e.g. 5.1.1.</param>
/// <param name="Reason">Why, in words (from the Diagnostic-Code), for the agent.</param>
/// <param name="RawSource">The report's original bytes, kept whole.</param>
public sealed record DeliveryReport(
    ChannelKind Channel,
    string ReportId,
    IReadOnlyList<string> ConcernsExternalIds,
    string Action,
    string? Recipient,
    string? StatusCode,
    string? Reason,
    byte[] RawSource);

/// <summary>The RFC 3464 actions the hub acts on.</summary>
public static class DeliveryReportActions
{
    /// <summary>Given up: the sent message is marked failed.</summary>
    public const string Failed = "failed";

    /// <summary>Still being retried: only noted on the conversation, the message stays as it is.</summary>
    public const string Delayed = "delayed";
}
