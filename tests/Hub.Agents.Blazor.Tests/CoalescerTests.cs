using ContactHub.Agents.Blazor.Shared;
using Microsoft.Extensions.Time.Testing;

namespace ContactHub.Agents.Blazor.Tests;

public class CoalescerTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    private readonly FakeTimeProvider _time = new(Fakes.Noon);
    private int _runs;

    private Coalescer Create() => new(_time, Window, MinInterval, () =>
    {
        _runs++;
        return Task.CompletedTask;
    });

    [Fact]
    public void ABurstOfSignalsCausesOneRun()
    {
        using var coalescer = Create();
        for (var i = 0; i < 100; i++)
        {
            coalescer.Signal();
        }
        _time.Advance(Window);
        Assert.Equal(1, _runs);
    }

    [Fact]
    public void ALoneSignalIsServedWithinTheWindow()
    {
        using var coalescer = Create();
        coalescer.Signal();
        _time.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _runs);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _runs);
    }

    [Fact]
    public void RunsStartAtLeastTheMinimumIntervalApart()
    {
        using var coalescer = Create();
        coalescer.Signal();
        _time.Advance(Window);
        coalescer.Signal();
        _time.Advance(MinInterval - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _runs);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _runs);
    }

    [Fact]
    public void NothingRunsAfterDisposal()
    {
        var coalescer = Create();
        coalescer.Signal();
        coalescer.Dispose();
        coalescer.Signal();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, _runs);
    }
}
