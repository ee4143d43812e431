using ContactHub.Agents.Blazor.Shared;

namespace ContactHub.Agents.Blazor.Tests;

public sealed class ConsoleClockTests
{
    [Fact]
    public void TheBrowsersZoneIsUsedForTheAgentsTimes()
    {
        var clock = new ConsoleClock();

        clock.Use("Asia/Tokyo");

        Assert.Equal("2026-11-23 21:30:00 +09:00", TimeLabel.Full(new DateTimeOffset(2026, 11, 23, 12, 30, 0, TimeSpan.Zero), clock.Zone));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("../../etc/passwd")]
    public void AMissingOrUnknownZoneKeepsTheServersZone(string? reported)
    {
        var clock = new ConsoleClock();

        clock.Use(reported);

        Assert.Equal(TimeZoneInfo.Local, clock.Zone);
    }
}
