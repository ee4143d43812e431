using ContactHub.Agents.Blazor.Reply;

namespace ContactHub.Agents.Blazor.Tests;

public sealed class TypingThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheFirstKeystrokeSignalsAndFasterOnesWithinTheIntervalDoNot()
    {
        var throttle = new TypingThrottle(TimeSpan.FromSeconds(2));

        Assert.True(throttle.ShouldSignal(Start));
        Assert.False(throttle.ShouldSignal(Start.AddMilliseconds(300)));
        Assert.False(throttle.ShouldSignal(Start.AddMilliseconds(1999)));
        Assert.True(throttle.ShouldSignal(Start.AddSeconds(2)));
        Assert.False(throttle.ShouldSignal(Start.AddSeconds(3)));
    }
}
