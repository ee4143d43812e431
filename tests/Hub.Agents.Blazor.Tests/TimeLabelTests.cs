using ContactHub.Agents.Blazor.Shared;

namespace ContactHub.Agents.Blazor.Tests;

public class TimeLabelTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    [Fact]
    public void TodayShowsTheClockTime() =>
        Assert.Equal("09:05", TimeLabel.Short(Fakes.Noon.AddHours(-2).AddMinutes(-55), Fakes.Noon, Utc));

    [Fact]
    public void YesterdaySaysSo() =>
        Assert.Equal("Yesterday 23:30", TimeLabel.Short(Fakes.Noon.AddHours(-12.5), Fakes.Noon, Utc));

    [Fact]
    public void EarlierThisYearShowsDayAndMonth() =>
        Assert.Equal("3 Mar 08:00", TimeLabel.Short(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero), Fakes.Noon, Utc));

    [Fact]
    public void AnotherYearShowsTheYearInsteadOfTheTime() =>
        Assert.Equal("31 Dec 2025", TimeLabel.Short(new DateTimeOffset(2025, 12, 31, 8, 0, 0, TimeSpan.Zero), Fakes.Noon, Utc));

    [Fact]
    public void TheDayIsTheAgentsZoneNotUtc()
    {
        var plusTen = TimeZoneInfo.CreateCustomTimeZone("plus10", TimeSpan.FromHours(10), "plus10", "plus10");

        // 23:00 UTC on the 22nd is 09:00 on the 23rd at +10, the same day as noon UTC (22:00 at +10).
        Assert.Equal("09:00", TimeLabel.Short(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), Fakes.Noon, plusTen));
    }
}
