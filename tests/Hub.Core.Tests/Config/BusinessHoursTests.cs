using ContactHub.Core.Config;

namespace ContactHub.Core.Tests.Config;

public sealed class BusinessHoursTests
{
    private static BusinessHours Hours(string zone, Dictionary<string, string> days, params string[] holidays)
    {
        var error = BusinessHours.TryCreate(new BusinessHoursSpec { Days = days, Holidays = holidays }, zone, out var hours);
        Assert.Null(error);
        return hours;
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> OfficeHours = new() { ["mon-fri"] = "09:00-17:00" };

    [Fact]
    public void BerlinOpensAtNineLocalOnTheMondayAfterTheSpringForwardWeekend()
    {
        var hours = Hours("Europe/Berlin", OfficeHours);

        // Friday 2026-03-27 17:00 CET = 16:00 UTC; clocks go forward on Sunday 29 March.
        var closing = hours.NextChange(Utc(2026, 3, 27, 15, 30));
        var opening = hours.NextChange(Utc(2026, 3, 27, 16, 0));

        Assert.Equal(Utc(2026, 3, 27, 16, 0), closing);
        Assert.Equal(Utc(2026, 3, 30, 7, 0), opening);
        Assert.False(hours.IsOpen(Utc(2026, 3, 30, 6, 59)));
        Assert.True(hours.IsOpen(Utc(2026, 3, 30, 7, 0)));
    }

    [Fact]
    public void BerlinOpensAtNineLocalOnTheMondayAfterTheFallBackWeekend()
    {
        var hours = Hours("Europe/Berlin", OfficeHours);

        // Clocks go back on Sunday 2026-10-25, so Monday 09:00 CET is 08:00 UTC.
        Assert.Equal(Utc(2026, 10, 26, 8, 0), hours.NextChange(Utc(2026, 10, 23, 20, 0)));
    }

    [Fact]
    public void ANewYorkWindowAcrossTheSpringGapLastsOneRealHour()
    {
        // Sunday 2026-03-08: 02:00 EST jumps to 03:00 EDT.
        var hours = Hours("America/New_York", new() { ["sun"] = "01:00-03:00" });

        Assert.True(hours.IsOpen(Utc(2026, 3, 8, 6, 0)));
        Assert.Equal(Utc(2026, 3, 8, 7, 0), hours.NextChange(Utc(2026, 3, 8, 6, 0)));
        Assert.False(hours.IsOpen(Utc(2026, 3, 8, 7, 0)));
    }

    [Fact]
    public void ANewYorkHourRepeatedInAutumnIsOpenBothTimes()
    {
        // Sunday 2026-11-01: 01:00-02:00 local happens at 05:00 UTC (EDT) and again at 06:00 UTC (EST).
        var hours = Hours("America/New_York", new() { ["sun"] = "01:00-02:00" });

        Assert.True(hours.IsOpen(Utc(2026, 11, 1, 5, 30)));
        Assert.True(hours.IsOpen(Utc(2026, 11, 1, 6, 30)));
        Assert.Equal(Utc(2026, 11, 1, 7, 0), hours.NextChange(Utc(2026, 11, 1, 5, 0)));
    }

    [Fact]
    public void AHolidayKeepsAWeekdayClosedAndTheNextOpeningSkipsIt()
    {
        var hours = Hours("Europe/Berlin", OfficeHours, "2026-12-25");

        // Christmas Day 2026 is a Friday; the next opening is Monday 28 December 09:00 CET.
        Assert.False(hours.IsOpen(Utc(2026, 12, 25, 10, 0)));
        Assert.True(hours.IsOpen(Utc(2026, 12, 24, 10, 0)));
        Assert.Equal(Utc(2026, 12, 28, 8, 0), hours.NextChange(Utc(2026, 12, 24, 16, 0)));
    }

    [Fact]
    public void NoDaysMeansAlwaysOpenAndNothingEverChanges()
    {
        var hours = Hours("UTC", []);

        Assert.True(hours.IsOpen(Utc(2026, 7, 4, 3, 0)));
        Assert.Null(hours.NextChange(Utc(2026, 7, 4, 3, 0)));
    }

    [Fact]
    public void SplitWindowsAndAWindowEndingAtMidnightAreHonoured()
    {
        var hours = Hours("UTC", new() { ["sat"] = "08:00-12:00, 13:00-24:00", ["sun"] = "00:00-02:00" });

        // Saturday 2026-01-10.
        Assert.True(hours.IsOpen(Utc(2026, 1, 10, 11, 59)));
        Assert.False(hours.IsOpen(Utc(2026, 1, 10, 12, 30)));
        Assert.True(hours.IsOpen(Utc(2026, 1, 10, 23, 59)));
        // Midnight between two open windows is no change at all.
        Assert.Equal(Utc(2026, 1, 11, 2, 0), hours.NextChange(Utc(2026, 1, 10, 13, 0)));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "mon", "09:00-17:00", "Unknown time zone")]
    [InlineData("Europe/Berlin", "monday", "09:00-17:00", "is not a day")]
    [InlineData("Europe/Berlin", "mon", "9-17", "is not a window")]
    [InlineData("Europe/Berlin", "mon", "17:00-09:00", "ends before it starts")]
    [InlineData("Europe/Berlin", "mon", "09:00-12:00,11:00-13:00", "overlap")]
    [InlineData("Europe/Berlin", "mon", "09:00-24:30", "is not a window")]
    public void UnusableZonesAndHoursAreRefusedWithAReason(string zone, string day, string windows, string reason)
    {
        var error = BusinessHours.TryCreate(new BusinessHoursSpec { Days = new Dictionary<string, string> { [day] = windows } }, zone, out _);

        Assert.Contains(reason, error);
    }

    [Fact]
    public void ABadHolidayDateIsRefused()
    {
        var error = BusinessHours.TryCreate(new BusinessHoursSpec { Holidays = ["25.12.2026"] }, "UTC", out _);

        Assert.Contains("not a date", error);
    }
}
