using ContactHub.Core.Config;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>Work goes back to the queue when its assignee cannot do it: offline past the grace period, or silent past the reply timer.</summary>
public sealed class WorkReclaimTests : IDisposable
{
    private readonly HubFactory _hub = new(extraSettings: new Dictionary<string, string> { ["Routing:Reclaim:OfflineGraceSeconds"] = "1" });

    [Fact]
    public async Task AConversationWhoseAssigneeStaysOfflinePastTheGraceGoesBackToItsQueue()
    {
        var (agentId, conversationId) = await AssignedConversationAsync();
        await Service<AssignmentService>().SetPresenceAsync(agentId, AgentPresence.Offline).WaitAsync(TestServers.Timeout);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await Service<WorkReclaimer>().ReclaimAsync(CancellationToken.None).WaitAsync(TestServers.Timeout);

        await AssertReclaimedAsync(conversationId, "assignee offline");
    }

    [Fact]
    public async Task AConversationWhoseCustomerWaitsPastTheReplyTimerGoesBackToItsQueue()
    {
        var general = (await Service<QueueStore>().GetAsync("general", CancellationToken.None))!;
        var saved = await Service<RoutingAdministration>().SaveQueueAsync(general with { ReplyTimerSeconds = 1 }, CancellationToken.None).WaitAsync(TestServers.Timeout);
        Assert.True(saved.Succeeded, saved.Error);
        var (_, conversationId) = await AssignedConversationAsync();

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await Service<WorkReclaimer>().ReclaimAsync(CancellationToken.None).WaitAsync(TestServers.Timeout);

        await AssertReclaimedAsync(conversationId, "reply timer");
    }

    [Fact]
    public async Task AnAnsweredCustomerIsNotTakenBackByTheReplyTimer()
    {
        var general = (await Service<QueueStore>().GetAsync("general", CancellationToken.None))!;
        await Service<RoutingAdministration>().SaveQueueAsync(general with { ReplyTimerSeconds = 1 }, CancellationToken.None).WaitAsync(TestServers.Timeout);
        var (agentId, conversationId) = await AssignedConversationAsync();
        await Service<ReplyService>().ReplyAsync(conversationId, new ReplyRequest("On it!"), agentId, CancellationToken.None).WaitAsync(TestServers.Timeout);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await Service<WorkReclaimer>().ReclaimAsync(CancellationToken.None).WaitAsync(TestServers.Timeout);

        Assert.Equal(agentId, (await Service<ConversationRepository>().GetAsync(conversationId, CancellationToken.None))!.AssigneeId);
    }

    private async Task<(long AgentId, long ConversationId)> AssignedConversationAsync()
    {
        var agent = await Service<ContactHub.Core.Users.UserStore>().FindAsync("alice", CancellationToken.None);
        await Service<AssignmentService>().SetPresenceAsync(agent!.Id, AgentPresence.Available).WaitAsync(TestServers.Timeout);
        var request = TwilioFixture.Load("sms_inbound_plain").With("MessageSid", Sids.Message()).With("From", Sids.Phone());
        (await _hub.CreateClient().SendAsync(request.SignedRequest("/webhooks/twilio/sms")).WaitAsync(TestServers.Timeout)).EnsureSuccessStatusCode();
        var offer = (await Service<IRouter>().GetAgentStateAsync(agent.Id).WaitAsync(TestServers.Timeout)).PendingOffer;
        Assert.NotNull(offer);
        Assert.True(await Service<AssignmentService>().AcceptAsync(agent.Id, offer.ConversationId, CancellationToken.None).WaitAsync(TestServers.Timeout));
        return (agent.Id, offer.ConversationId);
    }

    private async Task AssertReclaimedAsync(long conversationId, string why)
    {
        var conversation = (await Service<ConversationRepository>().GetAsync(conversationId, CancellationToken.None))!;
        Assert.Null(conversation.AssigneeId);
        Assert.True(await Service<IRouter>().IsKnownAsync(conversationId));
        var reclaimed = Assert.Single(await Service<ConversationEventLog>().ListAsync(conversationId, CancellationToken.None), e => e.Kind == ConversationEventKinds.Reclaimed);
        Assert.Equal(why, reclaimed.Data?.GetProperty("why").GetString());
    }

    private T Service<T>()
        where T : notnull => _hub.Services.GetRequiredService<T>();

    public void Dispose() => _hub.Dispose();
}
