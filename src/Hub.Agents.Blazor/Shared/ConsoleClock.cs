namespace ContactHub.Agents.Blazor.Shared;

/// <summary>
/// The time zone one console shows times in: the agent's browser's, which the page reports in the <c>ch-tz</c>
/// cookie before the console renders, so the first paint already shows the agent's own clock. The server's zone is
/// only the fallback for a browser that reports none (or one this machine does not know).
/// </summary>
public sealed class ConsoleClock
{
    public const string CookieName = "ch-tz";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Local;

    /// <summary>Takes the browser's IANA zone id (e.g. "Europe/Oslo"); an unknown or missing id keeps the fallback.</summary>
    public void Use(string? zoneId)
    {
        if (zoneId is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            Zone = zone;
        }
    }
}
