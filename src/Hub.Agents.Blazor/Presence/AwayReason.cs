namespace ContactHub.Agents.Blazor.Presence;

/// <summary>The reasons an agent can give for being away. The wire name goes to the router; the label is shown.</summary>
public sealed record AwayReason(string Wire, string Label)
{
    public static IReadOnlyList<AwayReason> All { get; } =
    [
        new("break", "Break"),
        new("lunch", "Lunch"),
        new("meeting", "Meeting"),
        new("training", "Training"),
        new("other", "Other"),
    ];

    /// <summary>
    /// What to show for a reason the router holds. The router may set reasons of its own (after missed offers),
    /// so an unknown one is shown as it is, made readable, never dropped.
    /// </summary>
    public static string? Display(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }
        var known = All.FirstOrDefault(r => string.Equals(r.Wire, reason.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known.Label;
        }
        var text = reason.Trim().Replace('-', ' ').Replace('_', ' ');
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
