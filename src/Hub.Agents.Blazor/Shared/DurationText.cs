using System.Globalization;

namespace ContactHub.Agents.Blazor.Shared;

/// <summary>Durations as a wallboard shows them: "42s", "3:07", "1:02:03". Fixed shapes, so tabular digits do not wobble.</summary>
public static class DurationText
{
    public const string None = "—";

    public static string Format(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            return None;
        }
        // Whole seconds, rounded down: a wait shows "59s" until it really is a minute.
        var whole = seconds <= 0 ? 0L : (long)Math.Floor(seconds);
        if (whole < 60)
        {
            return whole.ToString(CultureInfo.InvariantCulture) + "s";
        }
        if (whole < 3600)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{whole / 60}:{whole % 60:00}");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{whole / 3600}:{whole % 3600 / 60:00}:{whole % 60:00}");
    }

    /// <summary>A configured threshold in its most natural unit: "20s", "5m", "4h", "90s".</summary>
    public static string Threshold(int seconds) => seconds switch
    {
        <= 0 => "0s",
        _ when seconds % 3600 == 0 => (seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h",
        _ when seconds % 60 == 0 => (seconds / 60).ToString(CultureInfo.InvariantCulture) + "m",
        _ => seconds.ToString(CultureInfo.InvariantCulture) + "s",
    };
}
