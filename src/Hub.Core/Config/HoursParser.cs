using System.Globalization;

namespace ContactHub.Core.Config;

/// <summary>Turns the admin-facing <see cref="BusinessHoursSpec"/> into minute windows per weekday, with a reason when it cannot.</summary>
internal static class HoursParser
{
    private static readonly string[] DayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <returns>Null weekly map when no days are given (open around the clock).</returns>
    public static string? TryParse(BusinessHoursSpec spec, out Dictionary<DayOfWeek, TimeWindow[]>? weekly, out HashSet<DateOnly> holidays)
    {
        weekly = null;
        holidays = [];
        foreach (var text in spec.Holidays ?? [])
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return $"Holiday '{text}' is not a date like 2026-12-25.";
            }
            holidays.Add(date);
        }
        if (spec.Days is not { Count: > 0 } days)
        {
            return null;
        }
        weekly = [];
        foreach (var (key, value) in days)
        {
            if (!TryParseDays(key, out var covered))
            {
                return $"'{key}' is not a day (mon..sun) or a range of days (mon-fri).";
            }
            if (!TryParseWindows(value ?? "", out var windows, out var error))
            {
                return $"{key}: {error}";
            }
            foreach (var day in covered)
            {
                if (!weekly.TryAdd(day, windows))
                {
                    return $"{DayKeys[(int)day]} is given more than once.";
                }
            }
        }
        return null;
    }

    public static string DayKey(DayOfWeek day) => DayKeys[(int)day];

    private static bool TryParseDays(string key, out List<DayOfWeek> days)
    {
        days = [];
        var parts = key.Trim().ToLowerInvariant().Split('-');
        var first = Array.IndexOf(DayKeys, parts[0]);
        var last = parts.Length == 2 ? Array.IndexOf(DayKeys, parts[1]) : first;
        if (parts.Length > 2 || first < 0 || last < 0)
        {
            return false;
        }
        // Ranges run forward through the week, so "sat-mon" is Saturday, Sunday, Monday.
        for (var day = first; ; day = (day + 1) % 7)
        {
            days.Add((DayOfWeek)day);
            if (day == last)
            {
                return true;
            }
        }
    }

    private static bool TryParseWindows(string text, out TimeWindow[] windows, out string error)
    {
        windows = [];
        error = "";
        var parsed = new List<TimeWindow>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2 || !TryParseMinute(bounds[0], out var start) || !TryParseMinute(bounds[1], out var end))
            {
                error = $"'{part}' is not a window like 09:00-17:00.";
                return false;
            }
            if (end <= start)
            {
                error = $"'{part}' ends before it starts (windows do not cross midnight; split them at 24:00).";
                return false;
            }
            parsed.Add(new TimeWindow(start, end));
        }
        parsed.Sort((a, b) => a.StartMinute.CompareTo(b.StartMinute));
        for (var i = 1; i < parsed.Count; i++)
        {
            if (parsed[i].StartMinute < parsed[i - 1].EndMinute)
            {
                error = "windows overlap.";
                return false;
            }
        }
        windows = [.. parsed];
        return true;
    }

    private static bool TryParseMinute(string text, out int minute)
    {
        minute = 0;
        var parts = text.Split(':');
        if (parts.Length != 2 || parts[0].Length != 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            || min > 59 || hour > 24 || (hour == 24 && min != 0))
        {
            return false;
        }
        minute = hour * 60 + min;
        return true;
    }
}

/// <summary>[StartMinute, EndMinute) of local wall-clock time within one day; EndMinute may be 1440 (midnight).</summary>
internal readonly record struct TimeWindow(int StartMinute, int EndMinute);
