namespace ContactHub.Core.Config;

/// <summary>
/// When a queue is open, in its own time zone. Open-ness is decided on local wall-clock time, so across a DST
/// change a 09:00 opening stays 09:00 local; a window edge that falls into the spring-forward gap takes effect
/// when the clock jumps, and a wall-clock hour repeated in autumn is open (or closed) both times.
/// </summary>
public sealed class BusinessHours
{
    /// <summary>How far <see cref="NextChange"/> looks ahead: a year, plus slack for a holiday run at its end.</summary>
    private const int ScanDays = 370;

    private static readonly TimeSpan TransitionProbe = TimeSpan.FromHours(6);

    private readonly Dictionary<DayOfWeek, TimeWindow[]>? _weekly;
    private readonly HashSet<DateOnly> _holidays;

    private BusinessHours(TimeZoneInfo zone, Dictionary<DayOfWeek, TimeWindow[]>? weekly, HashSet<DateOnly> holidays)
    {
        Zone = zone;
        _weekly = weekly;
        _holidays = holidays;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>True when the hours never change (no weekly windows, no holidays).</summary>
    public bool IsAlwaysOpen => _weekly is null && _holidays.Count == 0;

    public static BusinessHours AlwaysOpen { get; } = new(TimeZoneInfo.Utc, null, []);

    /// <param name="timeZone">An IANA id such as Europe/Berlin.</param>
    /// <returns>Null on success, otherwise why the zone or the hours are not usable.</returns>
    public static string? TryCreate(BusinessHoursSpec spec, string timeZone, out BusinessHours hours)
    {
        hours = AlwaysOpen;
        if (!TryFindZone(timeZone, out var zone))
        {
            return $"Unknown time zone '{timeZone}' (use an IANA id such as Europe/Berlin).";
        }
        var error = HoursParser.TryParse(spec, out var weekly, out var holidays);
        if (error is null)
        {
            hours = new BusinessHours(zone, weekly, holidays);
        }
        return error;
    }

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        // Only IANA ids: they are what operators see in every other tool, and Windows ids would round-trip differently.
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId)
        {
            return false;
        }
        zone = found;
        return true;
    }

    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
        if (_holidays.Contains(DateOnly.FromDateTime(local)))
        {
            return false;
        }
        if (_weekly is null)
        {
            return true;
        }
        var minute = local.Hour * 60 + local.Minute;
        return _weekly.TryGetValue(local.DayOfWeek, out var windows)
            && windows.Any(w => w.StartMinute <= minute && minute < w.EndMinute);
    }

    /// <summary>The first instant after <paramref name="instant"/> at which <see cref="IsOpen"/> flips, or null if it does not within a year.</summary>
    public DateTimeOffset? NextChange(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return null;
        }
        var state = IsOpen(instant);
        // IsOpen is constant between candidates (window edges, midnights, DST jumps), so the first candidate
        // with the other state is the change itself.
        foreach (var candidate in Candidates(instant).Where(c => c > instant).Order())
        {
            if (IsOpen(candidate) != state)
            {
                return candidate;
            }
        }
        return null;
    }

    private IEnumerable<DateTimeOffset> Candidates(DateTimeOffset instant)
    {
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime).AddDays(-1);
        for (var day = 0; day <= ScanDays; day++)
        {
            var date = firstDay.AddDays(day);
            foreach (var minute in Edges(date.DayOfWeek))
            {
                foreach (var mapped in ToInstants(date.ToDateTime(TimeOnly.MinValue).AddMinutes(minute)))
                {
                    yield return mapped;
                }
            }
        }
        foreach (var transition in Transitions(instant, instant.AddDays(ScanDays + 1)))
        {
            yield return transition;
        }
    }

    private IEnumerable<int> Edges(DayOfWeek day)
    {
        yield return 0;
        if (_weekly is not null && _weekly.TryGetValue(day, out var windows))
        {
            foreach (var window in windows)
            {
                yield return window.StartMinute;
                yield return window.EndMinute;
            }
        }
    }

    /// <summary>A local wall-clock time as instants: none inside a spring-forward gap, two in an autumn repeat.</summary>
    private IEnumerable<DateTimeOffset> ToInstants(DateTime local)
    {
        if (Zone.IsInvalidTime(local))
        {
            yield break;
        }
        if (Zone.IsAmbiguousTime(local))
        {
            foreach (var offset in Zone.GetAmbiguousTimeOffsets(local))
            {
                yield return new DateTimeOffset(local, offset);
            }
            yield break;
        }
        yield return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Instants where the zone's UTC offset changes, found by probing and then bisecting to the minute.</summary>
    private IEnumerable<DateTimeOffset> Transitions(DateTimeOffset from, DateTimeOffset until)
    {
        var probe = new DateTimeOffset(from.UtcTicks - from.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        while (probe < until)
        {
            var next = probe + TransitionProbe;
            if (Zone.GetUtcOffset(probe) != Zone.GetUtcOffset(next))
            {
                var (low, high) = (probe, next);
                while (high - low > TimeSpan.FromMinutes(1))
                {
                    var middle = low.AddMinutes(Math.Floor((high - low).TotalMinutes / 2));
                    if (Zone.GetUtcOffset(middle) == Zone.GetUtcOffset(low))
                    {
                        low = middle;
                    }
                    else
                    {
                        high = middle;
                    }
                }
                yield return high;
            }
            probe = next;
        }
    }
}
