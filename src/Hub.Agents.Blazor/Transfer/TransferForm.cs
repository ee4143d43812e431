using ContactHub.Agents.Blazor.Presence;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;

namespace ContactHub.Agents.Blazor.Transfer;

/// <summary>One agent the conversation can go to, with what they are doing now so the sender picks someone free.</summary>
public sealed record TransferAgent(long AgentId, string Name, AgentActivity Activity)
{
    public string Label => $"{Name} — {ActivityLabel.Word(Activity)}";

    /// <summary>Everyone but the sender, free agents first, then by name.</summary>
    public static IReadOnlyList<TransferAgent> Candidates(IReadOnlyList<Agent> agents, IReadOnlyList<AgentLive> live, long self)
    {
        var activity = live.ToDictionary(a => a.AgentId, a => a.Activity);
        return agents
            .Where(a => a.Id != self)
            .Select(a => new TransferAgent(a.Id, a.DisplayName, activity.GetValueOrDefault(a.Id, AgentActivity.Offline)))
            .OrderBy(a => ActivityLabel.Order(a.Activity))
            .ThenBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}

/// <summary>The transfer dialog's state: exactly one target (an agent or a queue) and an optional note.</summary>
public sealed class TransferForm
{
    public const int MaxNoteLength = TransferService.MaxNoteLength;

    private long? _agentId;
    private string? _queue;

    public long? AgentId
    {
        get => _agentId;
        set
        {
            _agentId = value;
            if (value is not null)
            {
                _queue = null;
            }
        }
    }

    public string? Queue
    {
        get => _queue;
        set
        {
            _queue = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (_queue is not null)
            {
                _agentId = null;
            }
        }
    }

    public string Note { get; set; } = "";

    public bool IsNoteTooLong => Note.Length > MaxNoteLength;

    public bool CanSubmit => (AgentId is not null || Queue is not null) && !IsNoteTooLong;

    public string? NoteOrNull => string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();

    public string Counter => $"{Note.Length} / {MaxNoteLength}";

    /// <summary>The select's value for an agent; the empty value means none.</summary>
    public static long? ParseAgent(string? value) => long.TryParse(value, out var id) ? id : null;

    /// <summary>Queues to offer: the live ones, plus the conversation's own, sorted, no duplicates.</summary>
    public static IReadOnlyList<string> Queues(IEnumerable<string> live, string? current) =>
        live.Append(current ?? "")
            .Where(q => !string.IsNullOrWhiteSpace(q))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Reset()
    {
        _agentId = null;
        _queue = null;
        Note = "";
    }
}
