using ContactHub.Core.Config;

namespace ContactHub.Core.Tests.Config;

internal static class Queues
{
    /// <summary>Weekdays 09:00-17:00 Berlin time, closed on Christmas Day 2026.</summary>
    public static QueueDefinition Billing { get; } = new("billing")
    {
        DisplayName = "Billing",
        Priority = 10,
        TimeZone = "Europe/Berlin",
        Hours = new BusinessHoursSpec
        {
            Days = new Dictionary<string, string> { ["mon-fri"] = "09:00-17:00" },
            Holidays = ["2026-12-25"],
        },
        OutOfHoursReply = "We are closed; we answer from 9:00.",
    };
}
