using ContactHub.Core.Domain;
using ContactHub.Core.Services;

namespace ContactHub.Agents.Blazor.Resolve;

/// <summary>The wrap-up form's state: a disposition (required on calls) and a note, checked as the server will check them.</summary>
public sealed class WrapUpForm(IReadOnlyList<string> dispositions, ChannelKind channel)
{
    public const int MaxNoteLength = WrapUpRules.MaxNoteLength;

    private string? _disposition;

    public IReadOnlyList<string> Dispositions { get; } = dispositions;

    public bool DispositionRequired { get; } = WrapUpRules.RequiresDisposition(channel);

    /// <summary>Only a listed code sticks; the select's empty option (or anything else) means none.</summary>
    public string? Disposition
    {
        get => _disposition;
        set => _disposition = Dispositions.FirstOrDefault(d => d == value);
    }

    public string Note { get; set; } = "";

    public bool IsNoteTooLong => Note.Length > MaxNoteLength;

    public bool CanSubmit => !IsNoteTooLong && (Disposition is not null || !DispositionRequired);

    public string Counter => $"{Note.Length} / {MaxNoteLength}";

    /// <summary>What the empty option of the select says: a call must pick, other channels may skip.</summary>
    public string EmptyOption => DispositionRequired ? "Choose a disposition…" : "No disposition";

    public WrapUp ToWrapUp() => new(Disposition, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
}
