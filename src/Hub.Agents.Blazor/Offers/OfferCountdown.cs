using System.Globalization;

namespace ContactHub.Agents.Blazor.Offers;

/// <summary>The seconds an agent has left to answer an offer, as the banner shows them.</summary>
public static class OfferCountdown
{
    /// <summary>Rounded up, so "0" only shows once the offer has really run out.</summary>
    public static int SecondsLeft(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var left = (expiresAt - now).TotalSeconds;
        return left <= 0 ? 0 : (int)Math.Ceiling(left);
    }

    public static string Format(int seconds) =>
        seconds < 60
            ? seconds.ToString(CultureInfo.InvariantCulture) + "s"
            : $"{seconds / 60}:{seconds % 60:00}";

    /// <summary>The last seconds get a warning colour so the agent notices before the offer moves on.</summary>
    public static bool IsUrgent(int seconds) => seconds <= 5;
}
