namespace ContactHub.Core.Services;

/// <summary>Bound from <c>Hub</c>: the disposition codes an agent picks from when resolving (<c>Hub:Dispositions</c>).</summary>
public sealed class WrapUpOptions
{
    /// <summary>The codes used when configuration names none; a configured list replaces them rather than adding to them.</summary>
    public static IReadOnlyList<string> DefaultDispositions { get; } =
        ["Resolved", "Follow-up needed", "Callback requested", "Wrong number", "Complaint", "Sales lead"];

    /// <summary>Null when not configured (an array, because the binder appends to a pre-filled list instead of replacing it).</summary>
    public string[]? Dispositions { get; set; }
}
