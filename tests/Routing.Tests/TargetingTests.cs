using ContactHub.Core.Domain;
using ContactHub.Core.Routing;

namespace ContactHub.Routing.Tests;

public sealed class TargetingTests : IDisposable
{
    private readonly RouterHarness harness = new();

    private static Dictionary<string, int> Skills(params (string Name, int Level)[] skills) =>
        skills.ToDictionary(skill => skill.Name, skill => skill.Level);

    private async Task AgentAsync(long id, string? team = null, params (string Name, int Level)[] skills)
    {
        await harness.ApplyAgentAsync(new AgentRoutingProfile(id) { Team = team, Skills = Skills(skills) });
        await harness.GoAvailableAsync(id);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task OnlyAgentsWithEveryRequiredSkillAtItsLevelAreOffered()
    {
        await harness.ApplyQueueAsync(new QueueRoutingConfig("billing") { RequiredSkills = Skills(("billing", 2)) });
        await AgentAsync(1, null, ("billing", 1), ("french", 3));
        await AgentAsync(2, null, ("billing", 3));
        await AgentAsync(3, null, ("billing", 2), ("french", 2));

        var offer = await harness.EnqueueAsync(harness.NewTask(10, "billing") with { RequiredSkills = Skills(("french", 2)) });

        Assert.Equal(3, offer?.AgentId);
        Assert.Equal(new AssignmentReason("longest-idle", 3, null, 0), offer?.Reason);
        Assert.Null(await harness.EnqueueAsync(harness.NewTask(11, "billing") with { RequiredSkills = Skills(("french", 3)) }));
        Assert.Equal(2, (await harness.EnqueueAsync(harness.NewTask(12, "billing")))?.AgentId);
    }

    [Fact]
    public async Task AgentBecomingFreeSkipsTasksItLacksTheSkillsFor()
    {
        await harness.EnqueueAsync(harness.NewTask(1, ageSeconds: 60) with { RequiredSkills = Skills(("spanish", 1)) });
        await harness.EnqueueAsync(harness.NewTask(2, ageSeconds: 30));

        Assert.Equal(2, (await harness.GoAvailableAsync(7))?.ConversationId);
    }

    [Fact]
    public async Task TeamTargetWidensToEveryoneAfterTheOverflowStepsWait()
    {
        await harness.ApplyQueueAsync(new QueueRoutingConfig("vip") { Team = "gold", Overflow = [new OverflowStep(30)] });
        await AgentAsync(1, "silver");

        Assert.Null(await harness.EnqueueAsync(harness.NewTask(10, "vip") with { Rule = "vip-caller" }));
        harness.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await harness.SweepAsync());
        Assert.Null((await harness.StateAsync(1)).PendingOffer);

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        await harness.SweepAsync();

        var offer = (await harness.StateAsync(1)).PendingOffer;
        Assert.Equal(10, offer?.ConversationId);
        Assert.Equal(new AssignmentReason("overflow", 1, "vip-caller", 1), offer?.Reason);
    }

    [Fact]
    public async Task OverflowStepMovesTheWaitingTaskToAnotherQueue()
    {
        await harness.ApplyQueueAsync(new QueueRoutingConfig("sales") { Team = "sales", Overflow = [new OverflowStep(60, Queue: "general")] });
        await AgentAsync(1, "support");

        Assert.Null(await harness.EnqueueAsync(harness.NewTask(10, "sales")));
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        await harness.SweepAsync();

        var offer = (await harness.StateAsync(1)).PendingOffer;
        Assert.Equal(10, offer?.ConversationId);
        Assert.Equal("overflow", offer?.Reason?.Basis);
        var live = await harness.LiveAsync();
        Assert.Equal([("general", 1L), ("sales", 1L)], live.Queues.Select(queue => (queue.Queue, queue.Offered)));
    }

    [Fact]
    public async Task StickyQueuePrefersTheCustomersLastAgentOverTheLongestIdle()
    {
        await harness.ApplyQueueAsync(new QueueRoutingConfig("care") { StickySeconds = 3600 });
        await AgentAsync(1);
        await AgentAsync(2);

        var sticky = await harness.EnqueueAsync(harness.NewTask(10, "care") with { PreferredAgentId = 2 });
        var plain = await harness.EnqueueAsync(harness.NewTask(11, "care") with { PreferredAgentId = 3 });

        Assert.Equal((2L, "sticky"), (sticky!.AgentId, sticky.Reason!.Basis));
        Assert.Equal((1L, "longest-idle"), (plain!.AgentId, plain.Reason!.Basis));
    }

    [Fact]
    public async Task QueueWithoutStickinessIgnoresThePreferredAgent()
    {
        await AgentAsync(1);
        await AgentAsync(2);

        var offer = await harness.EnqueueAsync(harness.NewTask(10) with { PreferredAgentId = 2 });

        Assert.Equal(1, offer?.AgentId);
    }

    [Fact]
    public async Task StickyAgentWithoutTheSkillsIsPassedOverForTheLongestIdleQualifiedAgent()
    {
        await harness.ApplyQueueAsync(new QueueRoutingConfig("care") { StickySeconds = 3600, RequiredSkills = Skills(("care", 2)) });
        await AgentAsync(1, null, ("care", 2));
        await AgentAsync(2, null, ("care", 1));

        var offer = await harness.EnqueueAsync(harness.NewTask(10, "care") with { PreferredAgentId = 2 });

        Assert.Equal((1L, "longest-idle", 2), (offer!.AgentId, offer.Reason!.Basis, offer.Reason.CandidatesConsidered));
    }

    [Fact]
    public async Task DeclinedTaskIsReofferedWithItsReasonAndRule()
    {
        await AgentAsync(1);
        await AgentAsync(2);
        await harness.EnqueueAsync(harness.NewTask(10) with { Rule = "vip" });

        var next = await harness.Router.DeclineAsync(1, 10).WithTimeout();

        Assert.Equal((2L, new AssignmentReason("longest-idle", 1, "vip", 0)), (next!.AgentId, next.Reason));
        Assert.Equal(next.Reason, (await harness.StateAsync(2)).PendingOffer?.Reason);
    }

    [Fact]
    public async Task TransferToAQueueWithAPriorityJumpsAheadOfOlderTasksThere()
    {
        await harness.EnqueueAsync(harness.NewTask(1, "billing", ageSeconds: 600));
        await AgentAsync(7);
        await harness.AcceptAsync(7, 1);
        await harness.EnqueueAsync(harness.NewTask(2, "billing", ageSeconds: 300));
        await harness.Router.DeclineAsync(7, 2).WithTimeout();

        await harness.Router.TransferToQueueAsync(7, 1, "billing", priority: 9, basis: "reclaimed").WithTimeout();
        var offer = await harness.GoAvailableAsync(8);

        Assert.Equal((1L, "reclaimed"), (offer!.ConversationId, offer.Reason!.Basis));
    }

    public void Dispose() => harness.Dispose();
}
