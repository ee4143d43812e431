using System.Globalization;

namespace ContactHub.Core.Routing;

/// <summary>What a waiting customer is told about their place and wait: spoken to a caller, written to a chat visitor.</summary>
public static class WaitAnnouncement
{
    /// <param name="averageWaitSeconds">The queue's average wait; the estimate for the customer's position.</param>
    public static string Text(int position, int? averageWaitSeconds)
    {
        var place = position == 1 ? "You are next in line." : string.Create(CultureInfo.InvariantCulture, $"You are number {position} in line.");
        if (averageWaitSeconds is not { } average || average <= 0)
        {
            return place;
        }
        var minutes = (int)Math.Ceiling(average / 60.0);
        return minutes <= 1
            ? place + " The expected wait is about one minute."
            : place + string.Create(CultureInfo.InvariantCulture, $" The expected wait is about {minutes} minutes.");
    }
}
