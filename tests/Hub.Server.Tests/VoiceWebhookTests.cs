using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using ContactHub.Server.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>Incoming calls, the hold queue and call progress through the real signed webhooks, store and Redis router.</summary>
public sealed class VoiceWebhookTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>, IAsyncLifetime
{
    /// <summary>Someone is logged in (away, so no offers interfere): with nobody logged in, callers go to voicemail.</summary>
    public async Task InitializeAsync()
    {
        var alice = await hub.Factory.Services.GetRequiredService<ContactHub.Core.Users.UserStore>().FindAsync("alice", CancellationToken.None).WaitAsync(TestServers.Timeout);
        await hub.Factory.Services.GetRequiredService<ContactHub.Core.Services.AssignmentService>().SetPresenceAsync(alice!.Id, AgentPresence.Away).WaitAsync(TestServers.Timeout);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnIncomingCallIsStoredOnTheCallersTimelineAndEnqueuedWithAWaitUrl()
    {
        var (from, callSid) = (Sids.Phone(), Sids.Call());

        var twiml = await PostTwimlAsync("/webhooks/twilio/voice", TwilioFixture.Load("voice_incoming").With("CallSid", callSid).With("From", from));

        var enqueue = twiml.Root!.Element("Enqueue")!;
        Assert.Equal("general", enqueue.Value);
        Assert.Equal(HubFactory.PublicBaseUrl + "/webhooks/twilio/voice/wait", enqueue.Attribute("waitUrl")?.Value);
        Assert.Equal(HubFactory.PublicBaseUrl + "/webhooks/twilio/voice/enqueue-action", enqueue.Attribute("action")?.Value);
        Assert.NotEmpty(twiml.Root.Element("Say")!.Value);
        var call = Assert.Single(await TimelineOfAsync(from));
        Assert.Equal(("voice", "in", callSid, "queued"), (call.Channel, call.Direction, call.ExternalId, call.Status));
    }

    [Fact]
    public async Task ACallerWhoTextedBeforeIsTheSameContactWithBothOnOneTimeline()
    {
        var from = Sids.Phone();
        var sms = TwilioFixture.Load("sms_inbound_plain").With("MessageSid", Sids.Message()).With("From", from);
        Assert.Equal(HttpStatusCode.OK, (await hub.Factory.CreateClient().SendAsync(sms.SignedRequest("/webhooks/twilio/sms")).WaitAsync(TestServers.Timeout)).StatusCode);

        await PostTwimlAsync("/webhooks/twilio/voice", TwilioFixture.Load("voice_incoming").With("CallSid", Sids.Call()).With("From", from));

        Assert.Equal(["sms", "voice"], (await TimelineOfAsync(from)).Select(i => i.Channel).Order());
    }

    [Fact]
    public async Task TwilioRetryingTheIncomingCallWebhookStoresTheCallOnce()
    {
        var (from, callSid) = (Sids.Phone(), Sids.Call());
        var incoming = TwilioFixture.Load("voice_incoming").With("CallSid", callSid).With("From", from);

        await PostTwimlAsync("/webhooks/twilio/voice", incoming);
        var retried = await PostTwimlAsync("/webhooks/twilio/voice", incoming);

        Assert.NotNull(retried.Root!.Element("Enqueue"));
        Assert.Single(await TimelineOfAsync(from));
    }

    [Fact]
    public async Task AForgedOrUnsignedCallIsRefusedAndNothingIsStored()
    {
        var from = Sids.Phone();
        var incoming = TwilioFixture.Load("voice_incoming").With("CallSid", Sids.Call()).With("From", from);

        var forged = await hub.Factory.CreateClient().SendAsync(incoming.SignedRequest("/webhooks/twilio/voice", authToken: "not-the-real-token")).WaitAsync(TestServers.Timeout);
        var unsigned = await hub.Factory.CreateClient().SendAsync(incoming.SignedRequest("/webhooks/twilio/voice", signatureOverride: "")).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Empty(await SearchAsync(from));
    }

    [Theory]
    [InlineData("/webhooks/twilio/voice")]
    [InlineData("/webhooks/twilio/voice/enqueue-action")]
    [InlineData("/webhooks/twilio/voice/status")]
    public async Task ASignedCallbackWithoutACallSidIsABadRequestWithAReason(string path)
    {
        var parameters = TwilioFixture.Load("voice_status_completed");
        parameters.Parameters.Remove("CallSid");

        var response = await hub.Factory.CreateClient().SendAsync(parameters.SignedRequest(path)).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("CallSid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheWaitMusicIsPrecededByThePlaceInLineAndTheExpectedWait()
    {
        var twiml = await PostTwimlAsync("/webhooks/twilio/voice/wait", TwilioFixture.Load("voice_wait_url"));

        Assert.Equal("You are number 3 in line. The expected wait is about one minute.", twiml.Root!.Element("Say")!.Value);
        Assert.StartsWith("http", twiml.Root.Element("Play")!.Value);
    }

    [Fact]
    public async Task ACallerWhoHangsUpInTheQueueIsCountedAbandonedWithTheWaitAndTheConversationCloses()
    {
        var (from, callSid) = (Sids.Phone(), Sids.Call());
        await PostTwimlAsync("/webhooks/twilio/voice", TwilioFixture.Load("voice_incoming").With("CallSid", callSid).With("From", from));
        var before = await AbandonedInGeneralAsync();

        await PostTwimlAsync("/webhooks/twilio/voice/enqueue-action", TwilioFixture.Load("voice_enqueue_action_abandoned").With("CallSid", callSid));

        var conversationId = (await TimelineOfAsync(from)).Single().ConversationId;
        var conversation = await hub.Factory.CreateApiClient().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/conversations/{conversationId}").WaitAsync(TestServers.Timeout);
        Assert.Equal("resolved", conversation.GetProperty("state").GetString());
        var events = await hub.Factory.Services.GetRequiredService<ConversationEventLog>().ListAsync(conversationId, CancellationToken.None).WaitAsync(TestServers.Timeout);
        var abandoned = Assert.Single(events, e => e.Kind == ConversationEventKinds.Abandoned);
        Assert.Equal(94, abandoned.Data!.Value.GetProperty("waitedSeconds").GetInt32());
        Assert.Equal(before + 1, await AbandonedInGeneralAsync());
    }

    [Fact]
    public async Task StatusCallbacksOutOfOrderNeverMoveTheCallBack()
    {
        var (from, callSid) = (Sids.Phone(), Sids.Call());
        await PostTwimlAsync("/webhooks/twilio/voice", TwilioFixture.Load("voice_incoming").With("CallSid", callSid).With("From", from));
        var completed = TwilioFixture.Load("voice_status_completed").With("CallSid", callSid).With("SequenceNumber", "3");
        var lateRinging = completed.With("CallStatus", "ringing").With("SequenceNumber", "1").With("CallDuration", "0");

        Assert.Equal(HttpStatusCode.NoContent, (await hub.Factory.CreateClient().SendAsync(completed.SignedRequest("/webhooks/twilio/voice/status")).WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await hub.Factory.CreateClient().SendAsync(lateRinging.SignedRequest("/webhooks/twilio/voice/status")).WaitAsync(TestServers.Timeout)).StatusCode);

        var call = await hub.Factory.Services.GetRequiredService<CallLog>().FindAsync(callSid, CancellationToken.None).WaitAsync(TestServers.Timeout);
        Assert.Equal("completed", call!.Status);
        Assert.Equal("completed", Assert.Single(await TimelineOfAsync(from)).Status);
    }

    [Fact]
    public async Task TheCallerLegBeingAnsweredByTwimlIsNotTalkingButTheAgentLegAnsweringIs()
    {
        var (from, callSid) = (Sids.Phone(), Sids.Call());
        await PostTwimlAsync("/webhooks/twilio/voice", TwilioFixture.Load("voice_incoming").With("CallSid", callSid).With("From", from));
        var callerLegInProgress = TwilioFixture.Load("voice_status_completed").With("CallSid", callSid).With("CallStatus", "in-progress").With("SequenceNumber", "1");
        var agentLegAnswered = TwilioFixture.Load("voice_status_completed").With("CallSid", Sids.Call()).With("ParentCallSid", callSid)
            .With("CallStatus", "in-progress").With("Direction", "outbound-dial");

        await hub.Factory.CreateClient().SendAsync(callerLegInProgress.SignedRequest("/webhooks/twilio/voice/status")).WaitAsync(TestServers.Timeout);
        var afterCallerLeg = await hub.Factory.Services.GetRequiredService<CallLog>().FindAsync(callSid, CancellationToken.None).WaitAsync(TestServers.Timeout);
        var answered = await hub.Factory.CreateClient().SendAsync(agentLegAnswered.SignedRequest("/webhooks/twilio/voice/agent-leg")).WaitAsync(TestServers.Timeout);
        var afterAgentLeg = await hub.Factory.Services.GetRequiredService<CallLog>().FindAsync(callSid, CancellationToken.None).WaitAsync(TestServers.Timeout);

        Assert.Equal("queued", afterCallerLeg!.Status);
        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        Assert.Equal("in-progress", afterAgentLeg!.Status);
    }

    [Fact]
    public async Task AStatusCallbackForAnUnknownCallIsA404NotA5xx()
    {
        var response = await hub.Factory.CreateClient().SendAsync(TwilioFixture.Load("voice_status_completed").With("CallSid", Sids.Call()).SignedRequest("/webhooks/twilio/voice/status")).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CallersWhoWithholdTheirNumberAreNotMergedIntoOneContact()
    {
        await PostTwimlAsync("/webhooks/twilio/voice", TwilioFixture.Load("voice_incoming").With("CallSid", Sids.Call()).With("From", "anonymous"));
        await PostTwimlAsync("/webhooks/twilio/voice", TwilioFixture.Load("voice_incoming").With("CallSid", Sids.Call()).With("From", "anonymous"));

        Assert.Equal(2, (await SearchAsync("anonymous:")).Count);
    }

    private async Task<XDocument> PostTwimlAsync(string path, TwilioFixture request)
    {
        var response = await hub.Factory.CreateClient().SendAsync(request.SignedRequest(path)).WaitAsync(TestServers.Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<long> AbandonedInGeneralAsync()
    {
        var supervisor = hub.Factory.CreateApiClient(HubFactory.SupervisorToken);
        var live = (await supervisor.GetFromJsonAsync<LiveQueues>("/api/queues/live", ApiJson.Options).WaitAsync(TestServers.Timeout))!;
        return live.Queues.Single(q => q.Queue == "general").Abandoned;
    }

    private async Task<List<InteractionDto>> TimelineOfAsync(string phone)
    {
        var contact = Assert.Single(await SearchAsync(phone));
        return (await hub.Factory.CreateApiClient().GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{contact.Id}/timeline").WaitAsync(TestServers.Timeout))!;
    }

    private async Task<List<ContactSummary>> SearchAsync(string query) =>
        (await hub.Factory.CreateApiClient().GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(query)}").WaitAsync(TestServers.Timeout))!;
}
