using System.Globalization;

namespace ContactHub.Agents.Blazor.Shared;

/// <summary>
/// Compact times for a console watched all day: a clock time for today, a date otherwise. No "3 min ago",
/// which would go stale on screen between events.
/// </summary>
public static class TimeLabel
{
    public static string Short(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        if (local.Date == today)
        {
            return local.ToString("HH:mm", CultureInfo.InvariantCulture);
        }
        if (local.Date == today.AddDays(-1))
        {
            return "Yesterday " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
        }
        return local.Year == today.Year
            ? local.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>The full timestamp for a tooltip.</summary>
    public static string Full(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
