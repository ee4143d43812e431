using System.Net;
using System.Xml.Linq;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>
/// Putting an accepted call through, on a hub whose Twilio API cannot be reached: the caller must not be left holding
/// for an agent whose phone never rings.
/// </summary>
public sealed class CallConnectTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    [Fact]
    public async Task AnAcceptedCallThatTwilioCannotPutThroughGoesBackToTheQueue()
    {
        var (conversationId, agentId) = await OfferedCallAsync();

        Assert.True(await Service<AssignmentService>().AcceptAsync(agentId, conversationId, CancellationToken.None).WaitAsync(TestServers.Timeout));

        var conversation = await Service<ConversationRepository>().GetAsync(conversationId, CancellationToken.None);
        Assert.Null(conversation!.AssigneeId);
        var events = await Service<ConversationEventLog>().ListAsync(conversationId, CancellationToken.None);
        Assert.Contains(events, e => e.Kind == ConversationEventKinds.Reclaimed && e.Data!.Value.GetProperty("why").GetString() == "the call could not be put through");
        await Service<AssignmentService>().SetPresenceAsync(agentId, AgentPresence.Away).WaitAsync(TestServers.Timeout);
    }

    [Fact]
    public async Task ADialTheAgentDidNotAnswerPutsTheCallerBackOnHold()
    {
        var (conversationId, agentId) = await OfferedCallAsync();
        var callSid = (await Service<CallLog>().ForConversationAsync(conversationId, CancellationToken.None))!.CallSid;
        await Service<AssignmentService>().SetPresenceAsync(agentId, AgentPresence.Away).WaitAsync(TestServers.Timeout);
        var noAnswer = TwilioFixture.Load("voice_status_completed").With("CallSid", callSid).With("CallStatus", "in-progress")
            .With("DialCallStatus", "no-answer").With("DialCallSid", Sids.Call()).With("DialCallDuration", "0");

        var response = await hub.Factory.CreateClient().SendAsync(noAnswer.SignedRequest("/webhooks/twilio/voice/dial-action")).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("general", twiml.Root!.Element("Enqueue")!.Value);
        Assert.NotEmpty(twiml.Root.Element("Say")!.Value);
    }

    [Fact]
    public async Task AnAnsweredDialKeepsTheTalkTimeAndHangsUpTheCallersLeg()
    {
        var (conversationId, agentId) = await OfferedCallAsync();
        await Service<AssignmentService>().SetPresenceAsync(agentId, AgentPresence.Away).WaitAsync(TestServers.Timeout);
        var callSid = (await Service<CallLog>().ForConversationAsync(conversationId, CancellationToken.None))!.CallSid;
        var completed = TwilioFixture.Load("voice_status_completed").With("CallSid", callSid).With("DialCallStatus", "completed")
            .With("DialCallSid", Sids.Call()).With("DialCallDuration", "187");

        var response = await hub.Factory.CreateClient().SendAsync(completed.SignedRequest("/webhooks/twilio/voice/dial-action")).WaitAsync(TestServers.Timeout);

        Assert.NotNull(XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Hangup"));
        Assert.Equal(187, (await Service<CallLog>().FindAsync(callSid, CancellationToken.None))!.TalkSeconds);
    }

    /// <summary>Alice goes available and a call comes in: the router offers it to her.</summary>
    private async Task<(long ConversationId, long AgentId)> OfferedCallAsync()
    {
        var alice = (await Service<UserStore>().FindAsync("alice", CancellationToken.None).WaitAsync(TestServers.Timeout))!;
        await Service<AssignmentService>().SetPresenceAsync(alice.Id, AgentPresence.Available).WaitAsync(TestServers.Timeout);
        var incoming = TwilioFixture.Load("voice_incoming").With("CallSid", Sids.Call()).With("From", Sids.Phone());
        var response = await hub.Factory.CreateClient().SendAsync(incoming.SignedRequest("/webhooks/twilio/voice")).WaitAsync(TestServers.Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offer = (await Service<IRouter>().GetAgentStateAsync(alice.Id).WaitAsync(TestServers.Timeout)).PendingOffer;
        Assert.NotNull(offer);
        return (offer.ConversationId, alice.Id);
    }

    private T Service<T>() where T : notnull => hub.Factory.Services.GetRequiredService<T>();
}
