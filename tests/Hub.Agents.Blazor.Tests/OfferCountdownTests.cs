using ContactHub.Agents.Blazor.Offers;

namespace ContactHub.Agents.Blazor.Tests;

public class OfferCountdownTests
{
    [Fact]
    public void APartSecondLeftStillCountsAsOne() =>
        Assert.Equal(1, OfferCountdown.SecondsLeft(Fakes.Noon.AddMilliseconds(100), Fakes.Noon));

    [Fact]
    public void AnExpiredOfferShowsZeroNotANegativeNumber() =>
        Assert.Equal(0, OfferCountdown.SecondsLeft(Fakes.Noon.AddSeconds(-3), Fakes.Noon));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(25, "25s")]
    [InlineData(60, "1:00")]
    [InlineData(125, "2:05")]
    public void SecondsReadAsSecondsUnderAMinuteAndAsMinutesAbove(int seconds, string shown) =>
        Assert.Equal(shown, OfferCountdown.Format(seconds));

    [Fact]
    public void TheLastFiveSecondsAreUrgent()
    {
        Assert.True(OfferCountdown.IsUrgent(5));
        Assert.False(OfferCountdown.IsUrgent(6));
    }
}
