using ContactHub.Core.Config;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Admin;

/// <summary>
/// A queue as the editor's inputs hold it: hours one text box per weekday, skills and overflow as short text,
/// so half-typed values can sit in the form until the admin saves and the shared validation answers.
/// </summary>
public sealed class QueueForm
{
    public static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public bool IsNew { get; set; } = true;
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public int Priority { get; set; }
    public int ServiceLevelSeconds { get; set; } = 60;
    public int OfferTimeoutSeconds { get; set; } = 20;
    public int WrapUpSeconds { get; set; }
    public int StickySeconds { get; set; }
    public int ReplyTimerSeconds { get; set; }
    public int MaxConsecutiveTimeouts { get; set; } = 2;
    public string Team { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public string OutOfHoursReply { get; set; } = "";

    /// <summary>Empty = replies come from the hub's own e-mail address.</summary>
    public string EmailFrom { get; set; } = "";
    public string EmailFromName { get; set; } = "";

    /// <summary>0 = callers wait as long as it takes.</summary>
    public int VoicemailAfterSeconds { get; set; }
    public bool RecordCalls { get; set; }

    /// <summary>Open around the clock: the per-day boxes are ignored.</summary>
    public bool AlwaysOpen { get; set; } = true;

    /// <summary>Weekday key -> "09:00-17:00" (several windows comma-separated; empty = closed that day).</summary>
    public Dictionary<string, string> Days { get; } = Weekdays.ToDictionary(d => d, _ => "");

    /// <summary>One date per line or comma-separated, e.g. 2026-12-25.</summary>
    public string Holidays { get; set; } = "";

    /// <summary>"skill:level" pairs, comma-separated, e.g. "billing:2, german:1".</summary>
    public string RequiredSkills { get; set; } = "";

    /// <summary>One step per line: "120 team:backoffice", "600 queue:general" or "900 anyone".</summary>
    public string Overflow { get; set; } = "";

    public static QueueForm From(QueueDefinition queue)
    {
        var form = new QueueForm
        {
            IsNew = false,
            Name = queue.Name,
            DisplayName = queue.DisplayName,
            Priority = queue.Priority,
            ServiceLevelSeconds = queue.ServiceLevelSeconds,
            OfferTimeoutSeconds = queue.OfferTimeoutSeconds,
            WrapUpSeconds = queue.WrapUpSeconds,
            StickySeconds = queue.StickySeconds,
            ReplyTimerSeconds = queue.ReplyTimerSeconds,
            MaxConsecutiveTimeouts = queue.MaxConsecutiveTimeouts,
            Team = queue.Team ?? "",
            TimeZone = queue.TimeZone,
            OutOfHoursReply = queue.OutOfHoursReply ?? "",
            EmailFrom = queue.EmailFrom ?? "",
            EmailFromName = queue.EmailFromName ?? "",
            VoicemailAfterSeconds = queue.VoicemailAfterSeconds,
            RecordCalls = queue.RecordCalls,
            AlwaysOpen = queue.Hours.Days.Count == 0,
            Holidays = string.Join(", ", queue.Hours.Holidays),
            RequiredSkills = SkillText.Format(queue.RequiredSkills),
            Overflow = string.Join("\n", queue.Overflow.Select(FormatStep)),
        };
        foreach (var day in Weekdays)
        {
            // Stored keys may be ranges ("mon-fri"); the form shows each covered day on its own.
            form.Days[day] = queue.Hours.Days.FirstOrDefault(d => Covers(d.Key, day)).Value ?? "";
        }
        return form;
    }

    /// <returns>The definition, or a reason when the skills or overflow text cannot be read.</returns>
    public (QueueDefinition? Queue, string? Error) ToDefinition()
    {
        if (SkillText.TryParse(RequiredSkills, out var skills) is { } skillError)
        {
            return (null, skillError);
        }
        var steps = new List<OverflowStep>();
        foreach (var line in Overflow.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseStep(line) is not { } step)
            {
                return (null, $"Overflow step '{line}' should look like '120 team:backoffice', '600 queue:general' or '900 anyone'.");
            }
            steps.Add(step);
        }
        var hours = AlwaysOpen
            ? new BusinessHoursSpec { Holidays = SplitList(Holidays) }
            : new BusinessHoursSpec
            {
                Days = Days.Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToDictionary(d => d.Key, d => d.Value.Trim()),
                Holidays = SplitList(Holidays),
            };
        if (!AlwaysOpen && hours.Days.Count == 0)
        {
            return (null, "Give opening hours for at least one day, or tick 'always open'.");
        }
        return (new QueueDefinition(Name.Trim())
        {
            DisplayName = DisplayName,
            Priority = Priority,
            ServiceLevelSeconds = ServiceLevelSeconds,
            OfferTimeoutSeconds = OfferTimeoutSeconds,
            WrapUpSeconds = WrapUpSeconds,
            StickySeconds = StickySeconds,
            ReplyTimerSeconds = ReplyTimerSeconds,
            MaxConsecutiveTimeouts = MaxConsecutiveTimeouts,
            Team = Team,
            TimeZone = TimeZone,
            OutOfHoursReply = OutOfHoursReply,
            EmailFrom = string.IsNullOrWhiteSpace(EmailFrom) ? null : EmailFrom.Trim(),
            EmailFromName = string.IsNullOrWhiteSpace(EmailFromName) ? null : EmailFromName.Trim(),
            VoicemailAfterSeconds = VoicemailAfterSeconds,
            RecordCalls = RecordCalls,
            RequiredSkills = skills,
            Overflow = steps,
            Hours = hours,
        }, null);
    }

    private static bool Covers(string key, string day)
    {
        var parts = key.ToLowerInvariant().Split('-');
        var first = Array.IndexOf(Weekdays, parts[0]);
        var last = Array.IndexOf(Weekdays, parts[^1]);
        var target = Array.IndexOf(Weekdays, day);
        if (first < 0 || last < 0)
        {
            return false;
        }
        // Walk forward through the week like the hours parser does, so "sat-mon" covers Sunday.
        for (var i = first; ; i = (i + 1) % 7)
        {
            if (i == target)
            {
                return true;
            }
            if (i == last)
            {
                return false;
            }
        }
    }

    private static string FormatStep(OverflowStep step) =>
        step.Queue is not null ? $"{step.AfterSeconds} queue:{step.Queue}"
        : step.Team is not null ? $"{step.AfterSeconds} team:{step.Team}"
        : $"{step.AfterSeconds} anyone";

    private static OverflowStep? ParseStep(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var after))
        {
            return null;
        }
        return parts[1] switch
        {
            "anyone" => new OverflowStep(after),
            var t when t.StartsWith("team:", StringComparison.Ordinal) => new OverflowStep(after, Team: t[5..].Trim()),
            var q when q.StartsWith("queue:", StringComparison.Ordinal) => new OverflowStep(after, Queue: q[6..].Trim()),
            _ => null,
        };
    }

    private static List<string> SplitList(string text) =>
        [.. text.Split([',', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
