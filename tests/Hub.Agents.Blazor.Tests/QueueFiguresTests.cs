using ContactHub.Agents.Blazor.Wallboard;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Tests;

public class QueueFiguresTests
{
    private static QueueLive Live(int waiting = 2, double longest = 30, long offered = 100, long answered = 90, double serviceLevel = 0.85, int threshold = 20) =>
        new("support", waiting, longest, offered, answered, Abandoned: 4, AsaSeconds: 12.4, AhtSeconds: 245, serviceLevel, threshold, WaitP50Seconds: 8, WaitP90Seconds: 41);

    [Fact]
    public void TheLongestWaitKeepsTickingBetweenReads()
    {
        var figures = new QueueFigures(Live(longest: 30), TimeSpan.FromSeconds(3.5), 80);
        Assert.Equal("33s", figures.LongestWait);
    }

    [Fact]
    public void AnEmptyQueueHasNoLongestWaitEvenIfTheReadSaysOtherwise()
    {
        var figures = new QueueFigures(Live(waiting: 0, longest: 12), TimeSpan.FromSeconds(5), 80);
        Assert.Equal("—", figures.LongestWait);
        Assert.False(figures.LongestWaitOverThreshold);
    }

    [Fact]
    public void AWaitBeyondTheServiceLevelThresholdIsFlagged() =>
        Assert.True(new QueueFigures(Live(longest: 19), TimeSpan.FromSeconds(2), 80).LongestWaitOverThreshold);

    [Fact]
    public void CountsAveragesAndPercentilesAreFormatted()
    {
        var figures = new QueueFigures(Live(offered: 1234), TimeSpan.Zero, 80);
        Assert.Equal("1,234", figures.Offered);
        Assert.Equal("90", figures.Answered);
        Assert.Equal("4", figures.Abandoned);
        Assert.Equal("12s", figures.Asa);
        Assert.Equal("4:05", figures.Aht);
        Assert.Equal("8s", figures.WaitP50);
        Assert.Equal("41s", figures.WaitP90);
    }

    [Fact]
    public void AveragesOfNothingShowADashNotZero()
    {
        var figures = new QueueFigures(Live(offered: 0, answered: 0, serviceLevel: 0) with { AhtSeconds = 0 }, TimeSpan.Zero, 80);
        Assert.Equal("—", figures.Asa);
        Assert.Equal("—", figures.Aht);
        Assert.Equal("—", figures.WaitP50);
        Assert.Equal("—", figures.ServiceLevel);
        Assert.Equal("none", figures.ServiceLevelTone);
    }

    [Fact]
    public void ServiceLevelIsRoundedDownSoAMissedTargetNeverReadsAsMet()
    {
        var figures = new QueueFigures(Live(serviceLevel: 0.796), TimeSpan.Zero, 80);
        Assert.Equal("79%", figures.ServiceLevel);
        Assert.Equal("warn", figures.ServiceLevelTone);
    }

    [Theory]
    [InlineData(0.80, "good")]
    [InlineData(1.00, "good")]
    [InlineData(0.70, "warn")]
    [InlineData(0.69, "bad")]
    public void ServiceLevelToneComparesWithTheTarget(double level, string tone) =>
        Assert.Equal(tone, new QueueFigures(Live(serviceLevel: level), TimeSpan.Zero, 80).ServiceLevelTone);

    [Fact]
    public void TheThresholdIsShownBesideTheLevel() =>
        Assert.Equal("≤ 5m", new QueueFigures(Live(threshold: 300), TimeSpan.Zero, 80).ServiceLevelThreshold);
}
