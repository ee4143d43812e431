using ContactHub.Agents.Blazor.Presence;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Tests;

public class ActivityLabelTests
{
    [Theory]
    [InlineData(AgentActivity.Available, "available")]
    [InlineData(AgentActivity.Busy, "busy")]
    [InlineData(AgentActivity.Away, "away")]
    [InlineData(AgentActivity.WrapUp, "wrap-up")]
    [InlineData(AgentActivity.Offline, "offline")]
    public void EachActivityHasOneLowerCaseWord(AgentActivity activity, string word) =>
        Assert.Equal(word, ActivityLabel.Word(activity));

    [Fact]
    public void TheBoardListsReadyAgentsFirstAndOfflineLast()
    {
        Assert.True(ActivityLabel.Order(AgentActivity.Available) < ActivityLabel.Order(AgentActivity.Busy));
        Assert.True(ActivityLabel.Order(AgentActivity.WrapUp) < ActivityLabel.Order(AgentActivity.Away));
        Assert.True(ActivityLabel.Order(AgentActivity.Away) < ActivityLabel.Order(AgentActivity.Offline));
    }

    [Fact]
    public void TheRoutersActivityIsShownAsItIs() =>
        Assert.Equal(AgentActivity.WrapUp, ActivityLabel.Of(new AgentRoutingState(1, AgentPresence.Available, 0, null) { Activity = AgentActivity.WrapUp }));

    [Fact]
    public void ARouterThatLeavesActivityUnsetFallsBackToPresence()
    {
        Assert.Equal(AgentActivity.Available, ActivityLabel.Of(new AgentRoutingState(1, AgentPresence.Available, 0, null)));
        Assert.Equal(AgentActivity.Away, ActivityLabel.Of(new AgentRoutingState(1, AgentPresence.Away, 0, null)));
        Assert.Equal(AgentActivity.Offline, ActivityLabel.Of(new AgentRoutingState(1, AgentPresence.Offline, 0, null)));
    }
}
