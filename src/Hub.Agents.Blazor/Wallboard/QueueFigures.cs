using System.Globalization;
using ContactHub.Agents.Blazor.Shared;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Wallboard;

/// <summary>
/// One queue's row as the wallboard prints it. Averages and percentiles of nothing show a dash, not a
/// misleading 0s or 100 %; the longest wait keeps ticking between fetches.
/// </summary>
/// <param name="Elapsed">Time since the figures were read, added to the running clocks.</param>
/// <param name="TargetPercent">Service level at or above this is good; up to 10 points below is a warning.</param>
public sealed record QueueFigures(QueueLive Live, TimeSpan Elapsed, int TargetPercent)
{
    public string Queue => Live.Queue;

    public string Waiting => Count(Live.Waiting);

    /// <summary>Only a queue with someone waiting has a running clock.</summary>
    public double LongestWaitSeconds => Live.Waiting > 0 ? Math.Max(0, Live.LongestWaitSeconds) + Math.Max(0, Elapsed.TotalSeconds) : 0;

    public string LongestWait => Live.Waiting > 0 ? DurationText.Format(LongestWaitSeconds) : DurationText.None;

    /// <summary>Waiting longer than the service-level threshold already misses the target.</summary>
    public bool LongestWaitOverThreshold => Live.Waiting > 0 && LongestWaitSeconds > Live.ServiceLevelSeconds;

    public string Offered => Count(Live.Offered);

    public string Answered => Count(Live.Answered);

    public string Abandoned => Count(Live.Abandoned);

    public string Asa => Live.Answered > 0 ? DurationText.Format(Live.AsaSeconds) : DurationText.None;

    public string Aht => Live.AhtSeconds > 0 ? DurationText.Format(Live.AhtSeconds) : DurationText.None;

    public string WaitP50 => Live.Answered > 0 ? DurationText.Format(Live.WaitP50Seconds) : DurationText.None;

    public string WaitP90 => Live.Answered > 0 ? DurationText.Format(Live.WaitP90Seconds) : DurationText.None;

    /// <summary>The level as a 0..1 fraction; null when nothing was offered yet today.</summary>
    public double? ServiceLevelFraction => Live.Offered > 0 && !double.IsNaN(Live.ServiceLevel) ? Math.Clamp(Live.ServiceLevel, 0, 1) : null;

    /// <summary>Rounded down, so 79.6 % reads "79%" and never looks like the 80 % it missed.</summary>
    public string ServiceLevel => ServiceLevelFraction is { } level
        ? Math.Floor(level * 100 + 1e-9).ToString("0", CultureInfo.InvariantCulture) + "%"
        : DurationText.None;

    public string ServiceLevelThreshold => "≤ " + DurationText.Threshold(Live.ServiceLevelSeconds);

    /// <summary>good, warn, bad, or none when there is nothing to judge.</summary>
    public string ServiceLevelTone => ServiceLevelFraction is not { } level
        ? "none"
        : level * 100 + 1e-9 >= TargetPercent ? "good"
        : level * 100 + 1e-9 >= TargetPercent - 10 ? "warn"
        : "bad";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
