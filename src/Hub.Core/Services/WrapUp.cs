using ContactHub.Core.Domain;
using Microsoft.Extensions.Options;

namespace ContactHub.Core.Services;

/// <summary>What the agent records when resolving: a disposition code and a free-text note, both optional unless the rules say otherwise.</summary>
public sealed record WrapUp(string? Disposition, string? Note)
{
    public static WrapUp None { get; } = new(null, null);
}

/// <summary>The outcome of <see cref="AssignmentService.ResolveAsync"/>: resolved, not this agent's to resolve, or a wrap-up the rules refuse (with the reason).</summary>
public sealed record ResolveOutcome(bool Resolved, string? Invalid)
{
    public static ResolveOutcome Done { get; } = new(true, null);

    public static ResolveOutcome NotYours { get; } = new(false, null);

    public static ResolveOutcome Refused(string reason) => new(false, reason);
}

/// <summary>Which disposition codes exist and what a valid wrap-up is; the console and the API share these checks.</summary>
public sealed class WrapUpRules(IOptions<WrapUpOptions> options)
{
    public const int MaxNoteLength = 2000;

    /// <summary>The configured codes, blanks and duplicates dropped, in the configured order.</summary>
    public IReadOnlyList<string> Dispositions { get; } = Clean(options.Value.Dispositions ?? [.. WrapUpOptions.DefaultDispositions]);

    /// <summary>A call leaves nothing written behind, so its outcome must be coded; written channels keep the code optional.</summary>
    public static bool RequiresDisposition(ChannelKind channel) => channel == ChannelKind.Voice;

    /// <summary>
    /// The wrap-up as stored (the code spelt as configured, the note trimmed, blanks as null), or the reason it is refused.
    /// </summary>
    public (WrapUp? WrapUp, string? Problem) Check(WrapUp wrapUp, ChannelKind channel)
    {
        var note = string.IsNullOrWhiteSpace(wrapUp.Note) ? null : wrapUp.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return (null, $"The note is {note.Length} characters; at most {MaxNoteLength} are kept.");
        }
        string? disposition = null;
        if (!string.IsNullOrWhiteSpace(wrapUp.Disposition))
        {
            var wanted = wrapUp.Disposition.Trim();
            disposition = Dispositions.FirstOrDefault(d => string.Equals(d, wanted, StringComparison.OrdinalIgnoreCase));
            if (disposition is null)
            {
                return (null, $"Unknown disposition; use one of: {string.Join(", ", Dispositions)}.");
            }
        }
        else if (RequiresDisposition(channel))
        {
            return (null, "A call needs a disposition.");
        }
        return (new WrapUp(disposition, note), null);
    }

    private static string[] Clean(IEnumerable<string> codes) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}
