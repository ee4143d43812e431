namespace ContactHub.Core.Config;

/// <summary>
/// A queue's opening hours as admins write them and the store keeps them (JSON).
/// <para><see cref="Days"/>: a day ("mon".."sun") or a range of days ("mon-fri") -> comma-separated windows of local
/// wall-clock time, e.g. "09:00-12:30,13:30-17:00". "24:00" ends a window at midnight; a window never crosses
/// midnight (write "fri": "22:00-24:00" and "sat": "00:00-02:00" instead). A day left out, or mapped to "",
/// is closed. No days at all means open around the clock.</para>
/// <para><see cref="Holidays"/>: local dates ("2026-12-25") closed all day.</para>
/// </summary>
public sealed record BusinessHoursSpec
{
    public IReadOnlyDictionary<string, string> Days { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Holidays { get; init; } = [];

    public static BusinessHoursSpec AlwaysOpen { get; } = new();
}
