namespace ContactHub.Core.Services;

/// <summary>Bound from <c>Hub:AutomaticReplies</c>.</summary>
public sealed class AutomaticReplyOptions
{
    /// <summary>
    /// At most one automatic reply (out-of-hours) per customer address in this window, however many conversations the
    /// customer opens (an e-mail customer opens one per new subject). Zero lifts the limit.
    /// </summary>
    public TimeSpan PerAddressWindow { get; set; } = TimeSpan.FromHours(4);
}
