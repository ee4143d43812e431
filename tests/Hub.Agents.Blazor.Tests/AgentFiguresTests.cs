using ContactHub.Agents.Blazor.Wallboard;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Tests;

public class AgentFiguresTests
{
    private static readonly IReadOnlyList<Agent> Known =
    [
        new(1, "ana", "Ana", "agent"),
        new(2, "ben", "Ben", "agent"),
        new(3, "cy", "Cy", "agent"),
        new(4, "dee", "Dee", "agent"),
        new(9, "boss", "Boss", "admin"),
    ];

    [Fact]
    public void AgentsAreListedByActivityThenLongestInState()
    {
        var rows = AgentFigures.Build(
        [
            new(1, AgentActivity.Away, 30, "lunch", 0),
            new(2, AgentActivity.Available, 10, null, 0),
            new(3, AgentActivity.Available, 50, null, 1),
        ], Known, TimeSpan.Zero);
        Assert.Equal([3L, 2L, 1L, 4L], rows.Select(r => r.AgentId));
    }

    [Fact]
    public void TimeInStateKeepsTickingBetweenReads()
    {
        var rows = AgentFigures.Build([new(2, AgentActivity.Busy, 58, null, 2)], Known, TimeSpan.FromSeconds(3));
        Assert.Equal("1:01", rows[0].TimeInState);
        Assert.Equal("busy", rows[0].ActivityWord);
    }

    [Fact]
    public void AgentsTheRouterNeverSawShowOfflineWithoutAClockAndAdminsAreLeftOut()
    {
        var rows = AgentFigures.Build([], Known, TimeSpan.Zero);
        Assert.Equal([1L, 2L, 3L, 4L], rows.Select(r => r.AgentId));
        Assert.All(rows, r => Assert.Equal("offline", r.ActivityWord));
        Assert.All(rows, r => Assert.Equal("—", r.TimeInState));
    }

    [Fact]
    public void OnlyAwayAgentsShowAReason()
    {
        var rows = AgentFigures.Build([new(1, AgentActivity.Away, 1, "lunch", 0), new(2, AgentActivity.Available, 1, "lunch", 0)], Known, TimeSpan.Zero);
        Assert.Equal("Lunch", rows.Single(r => r.AgentId == 1).Reason);
        Assert.Null(rows.Single(r => r.AgentId == 2).Reason);
    }

    [Fact]
    public void AnAgentMissingFromTheStoreIsNamedByItsId() =>
        Assert.Equal("Agent 77", AgentFigures.Build([new(77, AgentActivity.Available, 1, null, 0)], [], TimeSpan.Zero)[0].Name);

    [Fact]
    public void TheSummaryCountsEveryActivityIncludingZeros()
    {
        var rows = AgentFigures.Build([new(1, AgentActivity.Away, 1, null, 0), new(2, AgentActivity.Away, 1, null, 0)], [], TimeSpan.Zero);
        var summary = AgentFigures.Summary(rows);
        Assert.Equal(5, summary.Count);
        Assert.Equal(2, summary.Single(s => s.Activity == AgentActivity.Away).Count);
        Assert.Equal(0, summary.Single(s => s.Activity == AgentActivity.Busy).Count);
    }
}
