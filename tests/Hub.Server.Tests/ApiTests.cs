using System.Net;
using System.Net.Http.Json;
using ContactHub.Server.Api;

namespace ContactHub.Server.Tests;

public sealed class ApiTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    [Fact]
    public async Task TheApiRefusesCallersWithoutAValidToken()
    {
        var anonymous = hub.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var wrongToken = hub.Factory.CreateApiClient("not-a-configured-token-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/contacts?q=a").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.GetAsync("/api/contacts?q=a").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/conversations/1/replies", new { text = "x" }).WaitAsync(TestServers.Timeout)).StatusCode);
    }

    [Fact]
    public async Task ContactSearchNeedsAQuery()
    {
        var response = await hub.Factory.CreateApiClient().GetAsync("/api/contacts").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownContactsAndConversationsAre404()
    {
        var api = hub.Factory.CreateApiClient();

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/contacts/999999").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/contacts/999999/timeline").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/conversations/999999").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/conversations/999999/replies", new { text = "hello" }).WaitAsync(TestServers.Timeout)).StatusCode);
    }

    [Fact]
    public async Task AReplyIsQueuedOnTheConversationsChannel()
    {
        var (conversationId, _) = await InboundAsync();
        var api = hub.Factory.CreateApiClient();

        var response = await api.PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text = "We are on it." }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = (await response.Content.ReadFromJsonAsync<InteractionDto>())!;
        Assert.Equal(("out", "sms", "We are on it."), (reply.Direction, reply.Channel, reply.Text));
        var conversation = (await api.GetFromJsonAsync<ConversationDto>($"/api/conversations/{conversationId}").WaitAsync(TestServers.Timeout))!;
        Assert.Equal(2, conversation.Interactions.Count);
    }

    [Theory]
    [InlineData("{\"text\":\"\"}")]
    [InlineData("{\"text\":\"hi\",\"channel\":\"carrier-pigeon\"}")]
    [InlineData("{\"text\":")]
    [InlineData("[]")]
    public async Task InvalidRepliesAreRefusedWithAReason(string json)
    {
        var (conversationId, _) = await InboundAsync();
        var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await hub.Factory.CreateApiClient().PostAsync($"/api/conversations/{conversationId}/replies", content).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AReplyLongerThanAnSmsAllowsIsRefused()
    {
        var (conversationId, _) = await InboundAsync();

        var response = await hub.Factory.CreateApiClient().PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text = new string('x', 1601) }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1600 characters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAgentTokenCannotChangeSomeoneElsesPresenceButASupervisorCan()
    {
        var agents = (await hub.Factory.CreateApiClient().GetFromJsonAsync<List<AgentDto>>("/api/agents", ApiJson.Options).WaitAsync(TestServers.Timeout))!;
        var alice = agents.Single(a => a.UserName == "alice");

        var byAgent = await hub.Factory.CreateApiClient().PutAsJsonAsync($"/api/agents/{alice.Id}/presence", new { presence = "available" }).WaitAsync(TestServers.Timeout);
        var bySupervisor = await hub.Factory.CreateApiClient(HubFactory.SupervisorToken).PutAsJsonAsync($"/api/agents/{alice.Id}/presence", new { presence = "away" }).WaitAsync(TestServers.Timeout);
        var invalid = await hub.Factory.CreateApiClient(HubFactory.SupervisorToken).PutAsJsonAsync($"/api/agents/{alice.Id}/presence", new { presence = "asleep" }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, bySupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var after = (await hub.Factory.CreateApiClient().GetFromJsonAsync<List<AgentDto>>("/api/agents", ApiJson.Options).WaitAsync(TestServers.Timeout))!;
        Assert.Equal("away", after.Single(a => a.Id == alice.Id).Presence);
    }

    [Fact]
    public async Task ASupervisorSetsAnAgentAwayWithAReasonAndTheLiveViewShowsIt()
    {
        var supervisor = hub.Factory.CreateApiClient(HubFactory.SupervisorToken);
        var alice = (await supervisor.GetFromJsonAsync<List<AgentDto>>("/api/agents", ApiJson.Options).WaitAsync(TestServers.Timeout))!.Single(a => a.UserName == "alice");

        var response = await supervisor.PutAsJsonAsync($"/api/agents/{alice.Id}/presence", new { presence = "away", reason = "Lunch" }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var live = (await supervisor.GetFromJsonAsync<ContactHub.Core.Routing.LiveQueues>("/api/queues/live", ApiJson.Options).WaitAsync(TestServers.Timeout))!;
        var agent = live.Agents.Single(a => a.AgentId == alice.Id);
        Assert.Equal((ContactHub.Core.Routing.AgentActivity.Away, "Lunch"), (agent.Activity, agent.AwayReason));
        Assert.Contains(live.Queues, q => q.Queue == "general");
    }

    [Fact]
    public async Task HealthIsReadyWhenStoreAndRedisAnswer()
    {
        var client = hub.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready").WaitAsync(TestServers.Timeout)).StatusCode);
    }

    private async Task<(long ConversationId, string Phone)> InboundAsync()
    {
        var phone = Sids.Phone();
        var request = TwilioFixture.Load("sms_inbound_plain").With("MessageSid", Sids.Message()).With("From", phone);
        var response = await hub.Factory.CreateClient().SendAsync(request.SignedRequest("/webhooks/twilio/sms")).WaitAsync(TestServers.Timeout);
        response.EnsureSuccessStatusCode();
        var api = hub.Factory.CreateApiClient();
        var contact = (await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(phone)}").WaitAsync(TestServers.Timeout))!.Single();
        var timeline = (await api.GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{contact.Id}/timeline").WaitAsync(TestServers.Timeout))!;
        return (timeline[0].ConversationId, phone);
    }
}
