using ContactHub.Agents.Blazor.Presence;
using Microsoft.Extensions.Time.Testing;

namespace ContactHub.Agents.Blazor.Tests;

public class PresenceGraceTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new(Fakes.Noon);
    private readonly List<long> _offline = [];

    private PresenceGrace Create() => new(_time, Grace, agentId =>
    {
        _offline.Add(agentId);
        return Task.CompletedTask;
    });

    [Fact]
    public void AnAgentWhoseLastConsoleClosedGoesOfflineAfterTheGracePeriod()
    {
        using var grace = Create();
        grace.Up(7);
        grace.Down(7);
        _time.Advance(Grace - TimeSpan.FromSeconds(1));
        Assert.Empty(_offline);
        Assert.True(grace.IsGoingOffline(7));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([7L], _offline);
        Assert.False(grace.IsGoingOffline(7));
    }

    [Fact]
    public void AReconnectWithinTheGracePeriodKeepsTheAgentsPresence()
    {
        using var grace = Create();
        grace.Up(7);
        grace.Down(7);
        _time.Advance(TimeSpan.FromSeconds(30));
        grace.Up(7);
        _time.Advance(Grace * 2);
        Assert.Empty(_offline);
    }

    [Fact]
    public void ClosingOneOfTwoConsolesChangesNothing()
    {
        using var grace = Create();
        grace.Up(7);
        grace.Up(7);
        grace.Down(7);
        _time.Advance(Grace * 2);
        Assert.Empty(_offline);
        Assert.Equal(1, grace.OpenCircuits(7));
    }

    [Fact]
    public void AGracePeriodRestartsFromTheLatestDisconnect()
    {
        using var grace = Create();
        grace.Up(7);
        grace.Down(7);
        _time.Advance(TimeSpan.FromSeconds(50));
        grace.Up(7);
        grace.Down(7);
        _time.Advance(TimeSpan.FromSeconds(50));
        Assert.Empty(_offline);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([7L], _offline);
    }

    [Fact]
    public void EachAgentHasTheirOwnGracePeriod()
    {
        using var grace = Create();
        grace.Up(1);
        grace.Up(2);
        grace.Down(1);
        _time.Advance(TimeSpan.FromSeconds(30));
        grace.Down(2);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([1L], _offline);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal([1L, 2L], _offline);
    }

    [Fact]
    public void AnAgentIsSetOfflineOncePerDisconnect()
    {
        using var grace = Create();
        grace.Up(7);
        grace.Down(7);
        _time.Advance(Grace * 3);
        Assert.Equal([7L], _offline);
    }

    [Fact]
    public void NoAgentGoesOfflineAfterTheNodeShutsDown()
    {
        var grace = Create();
        grace.Up(7);
        grace.Down(7);
        grace.Dispose();
        _time.Advance(Grace * 2);
        Assert.Empty(_offline);
    }
}
