namespace ContactHub.Core.Config;

/// <summary>
/// One routing rule. Its conditions that are not null must all match; rules are tried in list order and the
/// first match decides. A rule with no condition matches everything (a catch-all before the default queue).
/// </summary>
/// <param name="Channel">Wire name (sms, voice, email, telegram, whatsapp, webchat).</param>
/// <param name="Keyword">Case-insensitive whole-word match in the message text: "refund" matches "Refund please!" but not
/// "refunded". A keyword of several words matches that phrase. Messages without text (calls) never match a keyword.</param>
/// <param name="AttributeKey">A contact attribute that must be present; with <paramref name="AttributeValue"/> it must also equal
/// that value (case-insensitive).</param>
/// <param name="Priority">Task priority; null takes the queue's.</param>
public sealed record RoutingRule(
    string Name,
    string Queue,
    string? Channel = null,
    string? Keyword = null,
    string? AttributeKey = null,
    string? AttributeValue = null,
    int? Priority = null)
{
    /// <summary>Skills the task needs on top of the queue's (skill -> minimum level).</summary>
    public IReadOnlyDictionary<string, int> RequiredSkills { get; init; } = new Dictionary<string, int>();
}
