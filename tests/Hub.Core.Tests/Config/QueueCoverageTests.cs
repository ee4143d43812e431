using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Core.Tests.Config;

/// <summary>Whether a caller would wait for somebody: the router's live agents against the queue's targets.</summary>
public sealed class QueueCoverageTests
{
    private static readonly QueueDefinition Billing = new("billing")
    {
        Team = "billing-team",
        RequiredSkills = new Dictionary<string, int> { ["billing"] = 2 },
    };

    private static bool Covered(QueueDefinition queue, IReadOnlyList<AgentRoutingProfile> profiles, params AgentLive[] agents) =>
        QueueCoverage.AnyAgentLoggedInFor(queue.Name, ChannelKind.Voice, RoutingSnapshot.Create([queue, new QueueDefinition("general")], [], profiles), agents);

    private static AgentLive Agent(long id, AgentActivity activity) => new(id, activity, 0, null, 0);

    private static AgentRoutingProfile BillingAgent(long id, int level = 2) =>
        new(id) { Team = "billing-team", Skills = new Dictionary<string, int> { ["billing"] = level } };

    [Theory]
    [InlineData(AgentActivity.Available)]
    [InlineData(AgentActivity.Busy)]
    [InlineData(AgentActivity.Away)]
    [InlineData(AgentActivity.WrapUp)]
    public void AnyPresenceButOfflineCountsAsLoggedIn(AgentActivity activity)
    {
        Assert.True(Covered(Billing, [BillingAgent(1)], Agent(1, activity)));
    }

    [Fact]
    public void NobodyOrOnlyOfflineAgentsLeaveTheQueueUncovered()
    {
        Assert.False(Covered(Billing, [BillingAgent(1)]));
        Assert.False(Covered(Billing, [BillingAgent(1)], Agent(1, AgentActivity.Offline)));
    }

    [Fact]
    public void AnAgentOfAnotherTeamOrWithoutTheSkillLevelDoesNotCover()
    {
        var otherTeam = BillingAgent(1) with { Team = "sales" };

        Assert.False(Covered(Billing, [otherTeam], Agent(1, AgentActivity.Available)));
        Assert.False(Covered(Billing, [BillingAgent(2, level: 1)], Agent(2, AgentActivity.Available)));
    }

    [Fact]
    public void AnAgentWithNoVoiceCapacityDoesNotCoverCalls()
    {
        var textOnly = BillingAgent(1) with { Capacity = new Dictionary<ChannelKind, int> { [ChannelKind.Voice] = 0 } };

        Assert.False(Covered(Billing, [textOnly], Agent(1, AgentActivity.Available)));
    }

    [Fact]
    public void OverflowStepsWidenWhoCovers()
    {
        var sales = new AgentRoutingProfile(1) { Team = "sales", Skills = new Dictionary<string, int> { ["billing"] = 2 } };
        var generalist = new AgentRoutingProfile(2);

        Assert.True(Covered(Billing with { Overflow = [new OverflowStep(60, Team: "sales")] }, [sales], Agent(1, AgentActivity.Available)));
        Assert.True(Covered(Billing with { Overflow = [new OverflowStep(60)] }, [sales], Agent(1, AgentActivity.Available)));
        Assert.True(Covered(Billing with { Overflow = [new OverflowStep(60, Queue: "general")] }, [generalist], Agent(2, AgentActivity.Away)));
    }

    [Fact]
    public void OverflowLoopsBetweenQueuesEnd()
    {
        var ping = new QueueDefinition("ping") { Team = "a", Overflow = [new OverflowStep(60, Queue: "pong")] };
        var pong = new QueueDefinition("pong") { Team = "b", Overflow = [new OverflowStep(60, Queue: "ping")] };
        var snapshot = RoutingSnapshot.Create([ping, pong], [], [new AgentRoutingProfile(1) { Team = "c" }]);

        Assert.False(QueueCoverage.AnyAgentLoggedInFor("ping", ChannelKind.Voice, snapshot, [Agent(1, AgentActivity.Available)]));
    }

    [Fact]
    public void AnAgentTheSnapshotHasNoProfileForCoversAnOpenQueue()
    {
        Assert.True(Covered(new QueueDefinition("support"), [], Agent(7, AgentActivity.Available)));
    }
}
