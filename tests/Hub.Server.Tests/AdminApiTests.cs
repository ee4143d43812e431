using System.Net;
using System.Net.Http.Json;
using System.Text;
using ContactHub.Core.Config;
using ContactHub.Server.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

public sealed class AdminApiTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    private const string BerlinQueue =
        """
        {"displayName":"Billing","priority":10,"serviceLevelSeconds":120,"offerTimeoutSeconds":30,"wrapUpSeconds":20,"stickySeconds":3600,
         "replyTimerSeconds":900,"team":"billing-team","requiredSkills":{"billing":2},"overflow":[{"afterSeconds":300,"queue":"general"}],
         "timeZone":"Europe/Berlin","hours":{"days":{"mon-fri":"09:00-17:00"},"holidays":["2026-12-25"]},
         "outOfHoursReply":"We are closed.","maxConsecutiveTimeouts":3}
        """;

    private HttpClient Admin => hub.Factory.CreateApiClient(HubFactory.AdminToken);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task AdminEndpointsRefuseCallersWithoutAToken()
    {
        var anonymous = hub.Factory.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/queues").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsync("/api/admin/rules", Json("[]")).WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsync("/api/contacts/1/attributes", Json("{}")).WaitAsync(TestServers.Timeout)).StatusCode);
    }

    [Theory]
    [InlineData(HubFactory.AgentToken)]
    [InlineData(HubFactory.SupervisorToken)]
    public async Task AgentsAndSupervisorsAreForbiddenFromAdminEndpoints(string token)
    {
        var api = hub.Factory.CreateApiClient(token);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/admin/queues").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/admin/queues/sneaky", Json(BerlinQueue)).WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.DeleteAsync("/api/admin/queues/general").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PutAsync("/api/admin/rules", Json("[]")).WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/admin/agents/1/profile").WaitAsync(TestServers.Timeout)).StatusCode);
    }

    [Fact]
    public async Task AnAdminCreatesReplacesReadsAndDeletesAQueueAndTheRouterConfigurationFollows()
    {
        var created = await Admin.PutAsync("/api/admin/queues/billing-de", Json(BerlinQueue)).WaitAsync(TestServers.Timeout);
        var replaced = await Admin.PutAsync("/api/admin/queues/billing-de", Json(BerlinQueue.Replace("\"priority\":10", "\"priority\":15"))).WaitAsync(TestServers.Timeout);
        var read = await Admin.GetFromJsonAsync<QueueDefinition>("/api/admin/queues/billing-de").WaitAsync(TestServers.Timeout);
        var listed = await Admin.GetFromJsonAsync<List<QueueDefinition>>("/api/admin/queues").WaitAsync(TestServers.Timeout);
        var loaded = hub.Factory.Services.GetRequiredService<RoutingConfigState>().Current.Queues.ContainsKey("billing-de");
        var deleted = await Admin.DeleteAsync("/api/admin/queues/billing-de").WaitAsync(TestServers.Timeout);
        var gone = await Admin.GetAsync("/api/admin/queues/billing-de").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotNull(read);
        Assert.Equal((15, "Europe/Berlin", "09:00-17:00", 2, "general"), (read.Priority, read.TimeZone, read.Hours.Days["mon-fri"], read.RequiredSkills["billing"], read.Overflow[0].Queue));
        Assert.Contains(listed!, q => q.Name == "general");
        Assert.True(loaded);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("tz-queue", "\"timeZone\":\"Europe/Berlin\"", "\"timeZone\":\"Mars/Olympus\"", "Unknown time zone")]
    [InlineData("hours-queue", "\"mon-fri\":\"09:00-17:00\"", "\"mon-fri\":\"9 to 5\"", "is not a window")]
    [InlineData("seconds-queue", "\"wrapUpSeconds\":20", "\"wrapUpSeconds\":-5", "wrapUpSeconds")]
    [InlineData("priority-queue", "\"priority\":10", "\"priority\":101", "priority")]
    [InlineData("Bad_Name", "\"priority\":10", "\"priority\":10", "Queue name")]
    [InlineData("overflow-queue", "\"queue\":\"general\"", "\"queue\":\"nowhere\"", "Overflow queue")]
    [InlineData("type-queue", "\"priority\":10", "\"priority\":\"high\"", "")]
    [InlineData("from-queue", "\"priority\":10", "\"priority\":10,\"emailFrom\":\"billing at example.com\"", "emailFrom")]
    [InlineData("from-inject-queue", "\"priority\":10", "\"priority\":10,\"emailFrom\":\"billing@example.com\\r\\nBcc: x@evil.example\"", "emailFrom")]
    [InlineData("from-name-queue", "\"priority\":10", "\"priority\":10,\"emailFromName\":\"Billing\"", "emailFromName needs")]
    public async Task InvalidQueuesAreRefusedWithAReason(string name, string find, string replace, string reason)
    {
        var response = await Admin.PutAsync($"/api/admin/queues/{name}", Json(BerlinQueue.Replace(find, replace))).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/admin/queues/{name}").WaitAsync(TestServers.Timeout)).StatusCode);
    }

    [Fact]
    public async Task AQueuesEmailFromAddressAndNameRoundTripAndReachTheRoutingSnapshot()
    {
        var json = BerlinQueue.Replace("\"priority\":10", "\"priority\":10,\"emailFrom\":\"billing@example.net\",\"emailFromName\":\"Acme Billing\"");

        var saved = await Admin.PutAsync("/api/admin/queues/billing-mail", Json(json)).WaitAsync(TestServers.Timeout);
        var read = await Admin.GetFromJsonAsync<QueueDefinition>("/api/admin/queues/billing-mail").WaitAsync(TestServers.Timeout);
        var loaded = hub.Factory.Services.GetRequiredService<RoutingConfigState>().Current.Queues["billing-mail"].Definition;

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(("billing@example.net", "Acme Billing"), (read!.EmailFrom, read.EmailFromName));
        Assert.Equal("billing@example.net", loaded.EmailFrom);
    }

    [Fact]
    public async Task TheDefaultQueueCannotBeDeleted()
    {
        var response = await Admin.DeleteAsync("/api/admin/queues/general").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RulesRoundTripInOrderAndRouteTheNextInboundMessage()
    {
        (await Admin.PutAsync("/api/admin/queues/refunds", Json(BerlinQueue.Replace("\"hours\":{\"days\":{\"mon-fri\":\"09:00-17:00\"},\"holidays\":[\"2026-12-25\"]}", "\"hours\":{}"))).WaitAsync(TestServers.Timeout)).EnsureSuccessStatusCode();
        var rules = """
            [{"name":"refund words","queue":"refunds","keyword":"refund","priority":30,"requiredSkills":{"refunds":1}},
             {"name":"sms","queue":"general","channel":"sms"}]
            """;

        var saved = await Admin.PutAsync("/api/admin/rules", Json(rules)).WaitAsync(TestServers.Timeout);
        var listed = await Admin.GetFromJsonAsync<List<RoutingRule>>("/api/admin/rules").WaitAsync(TestServers.Timeout);
        var conversation = await InboundSmsConversationAsync("I need a refund for order 42");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["refund words", "sms"], listed!.Select(r => r.Name));
        Assert.Equal("refunds", conversation.Queue);
        (await Admin.PutAsync("/api/admin/rules", Json("[]")).WaitAsync(TestServers.Timeout)).EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("""[{"name":"x","queue":"nowhere"}]""", "unknown queue")]
    [InlineData("""[{"name":"x","queue":"general","channel":"fax"}]""", "unknown channel")]
    [InlineData("""[{"name":"","queue":"general"}]""", "name")]
    [InlineData("""[{"name":"x","queue":"general","priority":-1}]""", "priority")]
    [InlineData("""{"name":"x"}""", "")]
    public async Task InvalidRulesAreRefusedWithAReason(string json, string reason)
    {
        var response = await Admin.PutAsync("/api/admin/rules", Json(json)).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAgentProfileRoundTripsAndCapacityIsBounded()
    {
        var agentId = (await Admin.GetFromJsonAsync<List<AgentDto>>("/api/agents", ApiJson.Options).WaitAsync(TestServers.Timeout))!.First(a => a.UserName == "alice").Id;

        var saved = await Admin.PutAsJsonAsync($"/api/admin/agents/{agentId}/profile", new { team = "billing-team", skills = new { billing = 3 }, capacity = new { sms = 4, voice = 1 } }).WaitAsync(TestServers.Timeout);
        var read = await Admin.GetFromJsonAsync<AgentProfileInput>($"/api/admin/agents/{agentId}/profile").WaitAsync(TestServers.Timeout);
        var tooMany = await Admin.PutAsJsonAsync($"/api/admin/agents/{agentId}/profile", new { skills = new { }, capacity = new { sms = 51 } }).WaitAsync(TestServers.Timeout);
        var unknownChannel = await Admin.PutAsJsonAsync($"/api/admin/agents/{agentId}/profile", new { skills = new { }, capacity = new { fax = 1 } }).WaitAsync(TestServers.Timeout);
        var unknownAgent = await Admin.PutAsJsonAsync("/api/admin/agents/999999/profile", new { skills = new { }, capacity = new { } }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(("billing-team", 3, 4, 1), (read!.Team, read.Skills["billing"], read.Capacity["sms"], read.Capacity["voice"]));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("between 0 and 50", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknownChannel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownAgent.StatusCode);
    }

    [Fact]
    public async Task SupervisorsSetContactAttributesAndAgentsCannot()
    {
        var conversation = await InboundSmsConversationAsync("hello");
        var path = $"/api/contacts/{conversation.ContactId}/attributes";

        var byAgent = await hub.Factory.CreateApiClient().PutAsJsonAsync(path, new { vip = "true" }).WaitAsync(TestServers.Timeout);
        var bySupervisor = await hub.Factory.CreateApiClient(HubFactory.SupervisorToken).PutAsJsonAsync(path, new { vip = "true", language = "de" }).WaitAsync(TestServers.Timeout);
        var badKey = await hub.Factory.CreateApiClient(HubFactory.SupervisorToken).PutAsJsonAsync(path, new Dictionary<string, string> { ["not a key!"] = "x" }).WaitAsync(TestServers.Timeout);
        var read = await hub.Factory.CreateApiClient().GetFromJsonAsync<Dictionary<string, string>>(path).WaitAsync(TestServers.Timeout);
        var missing = await Admin.PutAsJsonAsync("/api/contacts/999999/attributes", new { vip = "true" }).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal("de", read!["language"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<ConversationDto> InboundSmsConversationAsync(string text)
    {
        var phone = Sids.Phone();
        var request = TwilioFixture.Load("sms_inbound_plain").With("MessageSid", Sids.Message()).With("From", phone).With("Body", text);
        var response = await hub.Factory.CreateClient().SendAsync(request.SignedRequest("/webhooks/twilio/sms")).WaitAsync(TestServers.Timeout);
        response.EnsureSuccessStatusCode();
        var api = hub.Factory.CreateApiClient();
        var contact = (await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(phone)}").WaitAsync(TestServers.Timeout))!.Single();
        var timeline = (await api.GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{contact.Id}/timeline").WaitAsync(TestServers.Timeout))!;
        return (await api.GetFromJsonAsync<ConversationDto>($"/api/conversations/{timeline[0].ConversationId}").WaitAsync(TestServers.Timeout))!;
    }
}
