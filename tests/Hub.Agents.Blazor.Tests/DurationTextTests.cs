using ContactHub.Agents.Blazor.Shared;

namespace ContactHub.Agents.Blazor.Tests;

public class DurationTextTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(60, "1:00")]
    [InlineData(187, "3:07")]
    [InlineData(3723, "1:02:03")]
    [InlineData(-4, "0s")]
    public void DurationsReadAsSecondsThenMinutesThenHours(double seconds, string shown) =>
        Assert.Equal(shown, DurationText.Format(seconds));

    [Fact]
    public void AnUndefinedDurationShowsADash() => Assert.Equal("—", DurationText.Format(double.NaN));

    [Theory]
    [InlineData(20, "20s")]
    [InlineData(90, "90s")]
    [InlineData(60, "1m")]
    [InlineData(300, "5m")]
    [InlineData(14400, "4h")]
    public void ThresholdsUseTheirNaturalUnit(int seconds, string shown) =>
        Assert.Equal(shown, DurationText.Threshold(seconds));
}
