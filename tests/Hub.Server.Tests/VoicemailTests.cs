using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Routing;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Users;
using ContactHub.Server.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>
/// Voicemail and call recordings through the real signed webhooks, store and Redis router, with Twilio's Recordings
/// resource stood in by a local server that insists on the account's Basic auth.
/// </summary>
public sealed class VoicemailTests : IAsyncLifetime
{
    private TwilioRecordingServer _twilio = null!;
    private HubFactory _hub = null!;

    public async Task InitializeAsync()
    {
        _twilio = await TwilioRecordingServer.StartAsync();
        _hub = new HubFactory(_twilio.BaseUrl);
        // Builds the host before the tests talk to its services.
        _ = _hub.Server;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _hub.Dispose();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task ACallOutOfHoursHearsTheClosedMessageAndIsOfferedVoicemailInsteadOfAHangUp()
    {
        await ConfigureGeneralAsync(closed: true);
        await LogInAsync(AgentPresence.Away);
        var (from, callSid) = (Sids.Phone(), Sids.Call());

        var twiml = await PostTwimlAsync("/webhooks/twilio/voice", Incoming(from, callSid));

        var says = twiml.Root!.Elements("Say").Select(s => s.Value).ToList();
        Assert.Equal("We open at nine.", says[0]);
        AssertRecordsVoicemail(twiml);
        Assert.Null(twiml.Root.Element("Enqueue"));
        Assert.Equal(VoicemailState.Offered, (await CallAsync(callSid)).Voicemail);
    }

    [Fact]
    public async Task ACallWithNobodyLoggedInGoesStraightToVoicemailAndStaysATaskForTheQueue()
    {
        await ConfigureGeneralAsync();
        await LogInAsync(AgentPresence.Offline);
        var (from, callSid) = (Sids.Phone(), Sids.Call());

        var twiml = await PostTwimlAsync("/webhooks/twilio/voice", Incoming(from, callSid));

        AssertRecordsVoicemail(twiml);
        Assert.Null(twiml.Root!.Element("Enqueue"));
        var call = await CallAsync(callSid);
        Assert.Equal(ConversationState.Open, (await ConversationAsync(call.ConversationId)).State);
        Assert.True(await Service<IRouter>().IsKnownAsync(call.ConversationId).WaitAsync(TestServers.Timeout));
    }

    [Fact]
    public async Task ACallerWaitingPastTheQueuesMaximumLeavesForVoicemailWithoutCountingAbandoned()
    {
        await ConfigureGeneralAsync(voicemailAfterSeconds: 60);
        await LogInAsync(AgentPresence.Away);
        var (from, callSid) = (Sids.Phone(), Sids.Call());
        Assert.NotNull((await PostTwimlAsync("/webhooks/twilio/voice", Incoming(from, callSid))).Root!.Element("Enqueue"));
        var abandonedBefore = await AbandonedInGeneralAsync();

        var early = await PostTwimlAsync("/webhooks/twilio/voice/wait", TwilioFixture.Load("voice_wait_url").With("CallSid", callSid).With("QueueTime", "59"));
        var late = await PostTwimlAsync("/webhooks/twilio/voice/wait", TwilioFixture.Load("voice_wait_url").With("CallSid", callSid).With("QueueTime", "60"));
        var leave = await PostTwimlAsync(
            "/webhooks/twilio/voice/enqueue-action",
            TwilioFixture.Load("voice_enqueue_action_abandoned").With("CallSid", callSid).With("QueueResult", "leave").With("QueueTime", "60").With("CallStatus", "in-progress"));

        Assert.Null(early.Root!.Element("Leave"));
        Assert.NotNull(early.Root.Element("Play"));
        Assert.Equal(["Leave"], late.Root!.Elements().Select(e => e.Name.LocalName));
        AssertRecordsVoicemail(leave);
        var call = await CallAsync(callSid);
        Assert.Equal(("leave", 60, VoicemailState.Offered), (call.QueueResult, call.QueueSeconds, call.Voicemail));
        Assert.Equal(ConversationState.Open, (await ConversationAsync(call.ConversationId)).State);
        Assert.Equal(abandonedBefore, await AbandonedInGeneralAsync());
    }

    [Fact]
    public async Task AQueueWithoutAMaximumWaitKeepsItsCallersWaiting()
    {
        await ConfigureGeneralAsync(voicemailAfterSeconds: 0);
        await LogInAsync(AgentPresence.Away);
        var callSid = Sids.Call();
        await PostTwimlAsync("/webhooks/twilio/voice", Incoming(Sids.Phone(), callSid));

        var twiml = await PostTwimlAsync("/webhooks/twilio/voice/wait", TwilioFixture.Load("voice_wait_url").With("CallSid", callSid).With("QueueTime", "3600"));

        Assert.Null(twiml.Root!.Element("Leave"));
    }

    [Fact]
    public async Task ACallerWhoLeftAMessageIsNotAbandonedWhenTheCallEnds()
    {
        var callSid = await VoicemailCallAsync();
        var abandonedBefore = await AbandonedInGeneralAsync();

        var thanks = await PostTwimlAsync("/webhooks/twilio/voice/record-action", RecordAction(callSid, recordingSeconds: 23));
        await PostStatusAsync(TwilioFixture.Load("voice_status_completed").With("CallSid", callSid));

        Assert.NotNull(thanks.Root!.Element("Hangup"));
        Assert.Null(thanks.Root.Element("Record"));
        var call = await CallAsync(callSid);
        Assert.Equal(VoicemailState.Left, call.Voicemail);
        Assert.Equal(ConversationState.Open, (await ConversationAsync(call.ConversationId)).State);
        Assert.DoesNotContain(await EventsAsync(call.ConversationId), e => e.Kind == ConversationEventKinds.Abandoned);
        Assert.Equal(abandonedBefore, await AbandonedInGeneralAsync());
    }

    [Fact]
    public async Task ACallerWhoHangsUpAfterChoosingVoicemailWithoutAMessageIsAbandonedAsBefore()
    {
        var callSid = await VoicemailCallAsync();
        var abandonedBefore = await AbandonedInGeneralAsync();

        await PostStatusAsync(TwilioFixture.Load("voice_status_completed").With("CallSid", callSid));

        var call = await CallAsync(callSid);
        Assert.Equal(ConversationState.Resolved, (await ConversationAsync(call.ConversationId)).State);
        Assert.Contains(await EventsAsync(call.ConversationId), e => e.Kind == ConversationEventKinds.Abandoned);
        Assert.Equal(abandonedBefore + 1, await AbandonedInGeneralAsync());
    }

    [Fact]
    public async Task ARecordingCallbackAttachesTheVoicemailOnceAnnouncesItAndARetryOrALateStatusChangesNothing()
    {
        var callSid = await VoicemailCallAsync();
        var recordingSid = Sids.Recording();
        var completed = RecordingStatus(callSid, recordingSid);
        var call = await CallAsync(callSid);
        var announced = new TaskCompletionSource<InteractionStatusChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Service<IHubEventBus>().Subscribe(e =>
        {
            if (e is InteractionStatusChanged changed && changed.InteractionId == call.InteractionId)
            {
                announced.TrySetResult(changed);
            }
        });

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("/webhooks/twilio/voice/recording-status", completed));
        await announced.Task.WaitAsync(TestServers.Timeout);
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("/webhooks/twilio/voice/recording-status", completed));
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("/webhooks/twilio/voice/recording-status", completed.With("RecordingStatus", "in-progress").With("RecordingDuration", "0")));

        var recording = Assert.Single(await RecordingsAsync(call.InteractionId));
        Assert.Equal((recordingSid, RecordingSources.Voicemail, RecordingStatuses.Completed, 23), (recording.RecordingSid, recording.Source, recording.Status, recording.DurationSeconds));
        Assert.Equal(VoicemailState.Left, (await CallAsync(callSid)).Voicemail);
    }

    [Fact]
    public async Task ATranscriptionJoinsItsVoicemailEvenWhenItArrivesFirstAndALateFailureKeepsTheText()
    {
        var callSid = await VoicemailCallAsync();
        var recordingSid = Sids.Recording();
        var transcription = Transcription(callSid, recordingSid, "Hi, this is Dana, please call me back about my invoice.");

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("/webhooks/twilio/voice/transcription", transcription));
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("/webhooks/twilio/voice/recording-status", RecordingStatus(callSid, recordingSid)));
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("/webhooks/twilio/voice/transcription", transcription.With("TranscriptionStatus", "failed").With("TranscriptionText", "")));

        var recording = Assert.Single(await RecordingsAsync((await CallAsync(callSid)).InteractionId));
        Assert.Equal(RecordingStatuses.Completed, recording.Status);
        Assert.Equal(RecordingSources.Voicemail, recording.Source);
        Assert.Equal(("completed", "Hi, this is Dana, please call me back about my invoice."), (recording.TranscriptionStatus, recording.TranscriptionText));
    }

    [Fact]
    public async Task ARecordingOfAConnectedCallAttachesToTheSameCallAndIsNoVoicemail()
    {
        await ConfigureGeneralAsync();
        await LogInAsync(AgentPresence.Away);
        var callSid = Sids.Call();
        await PostTwimlAsync("/webhooks/twilio/voice", Incoming(Sids.Phone(), callSid));
        var recordingSid = Sids.Recording();

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("/webhooks/twilio/voice/recording-status", RecordingStatus(callSid, recordingSid).With("RecordingSource", "DialVerb").With("RecordingChannels", "2").With("RecordingDuration", "187")));

        var call = await CallAsync(callSid);
        var recording = Assert.Single(await RecordingsAsync(call.InteractionId));
        Assert.Equal((RecordingSources.ConnectedCall, 187), (recording.Source, recording.DurationSeconds));
        Assert.Null(call.Voicemail);
    }

    [Theory]
    [InlineData("/webhooks/twilio/voice/recording-status")]
    [InlineData("/webhooks/twilio/voice/transcription")]
    [InlineData("/webhooks/twilio/voice/record-action")]
    public async Task AForgedOrUnsignedRecordingCallbackIsRefusedAndNothingIsAttached(string path)
    {
        var callSid = await VoicemailCallAsync();
        var recordingSid = Sids.Recording();
        var request = RecordingStatus(callSid, recordingSid)
            .With("TranscriptionStatus", "completed").With("TranscriptionText", "forged").With("TranscriptionSid", "TR" + Guid.NewGuid().ToString("N"));

        var forged = await _hub.CreateClient().SendAsync(request.SignedRequest(path, authToken: "not-the-real-token")).WaitAsync(TestServers.Timeout);
        var unsigned = await _hub.CreateClient().SendAsync(request.SignedRequest(path, signatureOverride: "")).WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        var call = await CallAsync(callSid);
        Assert.Empty(await RecordingsAsync(call.InteractionId));
        Assert.Equal(VoicemailState.Offered, call.Voicemail);
    }

    [Fact]
    public async Task RecordingCallbacksForUnknownCallsOrWithoutARecordingSidAreRefusedWithAReason()
    {
        var callSid = await VoicemailCallAsync();

        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("/webhooks/twilio/voice/recording-status", RecordingStatus(Sids.Call(), Sids.Recording())));
        var missing = RecordingStatus(callSid, Sids.Recording());
        missing.Parameters.Remove("RecordingSid");
        var response = await _hub.CreateClient().SendAsync(missing.SignedRequest("/webhooks/twilio/voice/recording-status")).WaitAsync(TestServers.Timeout);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("RecordingSid", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("/webhooks/twilio/voice/recording-status", RecordingStatus(callSid, Sids.Recording()).With("RecordingStatus", "exploded")));
    }

    [Fact]
    public async Task StaffPlayRecordingsThroughTheHubWhichSendsTwiliosBasicAuth()
    {
        var callSid = await VoicemailCallAsync();
        var recordingSid = Sids.Recording();
        _twilio.Add(recordingSid);
        await PostAsync("/webhooks/twilio/voice/recording-status", RecordingStatus(callSid, recordingSid));
        using var plain = new HttpClient();

        var withoutAuth = await plain.SendAsync(_twilio.UnauthenticatedRequest(recordingSid)).WaitAsync(TestServers.Timeout);
        var wrongAuthRequest = _twilio.UnauthenticatedRequest(recordingSid);
        wrongAuthRequest.Headers.Authorization = TwilioRecordingServer.WrongAuth();
        var wrongAuth = await plain.SendAsync(wrongAuthRequest).WaitAsync(TestServers.Timeout);
        var anonymous = await _hub.CreateClient().GetAsync($"/api/calls/recordings/{recordingSid}").WaitAsync(TestServers.Timeout);
        var agent = await _hub.CreateApiClient().GetAsync($"/api/calls/recordings/{recordingSid}").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutAuth.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAuth.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agent.StatusCode);
        Assert.Equal("audio/mpeg", agent.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", agent.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(TwilioRecordingServer.Audio, await agent.Content.ReadAsByteArrayAsync());
        Assert.Contains($"/2010-04-01/Accounts/{HubFactory.AccountSid}/Recordings/{recordingSid}.mp3", _twilio.Requests);
    }

    [Fact]
    public async Task ARecordingTwilioNoLongerHasIsA404AndOneNotYetProcessedIsA409()
    {
        var callSid = await VoicemailCallAsync();
        var (gone, pending) = (Sids.Recording(), Sids.Recording());
        await PostAsync("/webhooks/twilio/voice/recording-status", RecordingStatus(callSid, gone));
        await PostAsync("/webhooks/twilio/voice/recording-status", RecordingStatus(callSid, pending).With("RecordingStatus", "in-progress"));
        var api = _hub.CreateApiClient();

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/calls/recordings/{gone}").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.GetAsync($"/api/calls/recordings/{pending}").WaitAsync(TestServers.Timeout)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/calls/recordings/{Sids.Recording()}").WaitAsync(TestServers.Timeout)).StatusCode);
    }

    /// <summary>A call sent to voicemail because nobody is logged in.</summary>
    private async Task<string> VoicemailCallAsync()
    {
        await ConfigureGeneralAsync();
        await LogInAsync(AgentPresence.Offline);
        var callSid = Sids.Call();
        AssertRecordsVoicemail(await PostTwimlAsync("/webhooks/twilio/voice", Incoming(Sids.Phone(), callSid)));
        return callSid;
    }

    private async Task ConfigureGeneralAsync(bool closed = false, int voicemailAfterSeconds = 0)
    {
        var today = DateTime.UtcNow.Date;
        var general = (await Service<QueueStore>().GetAsync("general", CancellationToken.None).WaitAsync(TestServers.Timeout))! with
        {
            VoicemailAfterSeconds = voicemailAfterSeconds,
            OutOfHoursReply = "We open at nine.",
            TimeZone = "UTC",
            Hours = closed
                ? new BusinessHoursSpec
                {
                    Days = new Dictionary<string, string> { ["mon-sun"] = "09:00-17:00" },
                    Holidays = [.. new[] { -1, 0, 1 }.Select(d => today.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))],
                }
                : BusinessHoursSpec.AlwaysOpen,
        };
        var saved = await Service<RoutingAdministration>().SaveQueueAsync(general, CancellationToken.None).WaitAsync(TestServers.Timeout);
        Assert.True(saved.Succeeded, saved.Error);
    }

    /// <summary>Alice is the only agent who ever logs in here; away keeps her logged in without taking offers.</summary>
    private async Task LogInAsync(AgentPresence presence)
    {
        var alice = await Service<UserStore>().FindAsync("alice", CancellationToken.None).WaitAsync(TestServers.Timeout);
        await Service<AssignmentService>().SetPresenceAsync(alice!.Id, presence).WaitAsync(TestServers.Timeout);
    }

    private static void AssertRecordsVoicemail(XDocument twiml)
    {
        var record = twiml.Root!.Element("Record");
        Assert.NotNull(record);
        Assert.Equal(HubFactory.PublicBaseUrl + "/webhooks/twilio/voice/record-action", record.Attribute("action")?.Value);
        Assert.Equal(HubFactory.PublicBaseUrl + "/webhooks/twilio/voice/recording-status", record.Attribute("recordingStatusCallback")?.Value);
        Assert.Equal(("120", "#", "true"), (record.Attribute("maxLength")?.Value, record.Attribute("finishOnKey")?.Value, record.Attribute("playBeep")?.Value));
        Assert.Null(record.Attribute("transcribe"));
        Assert.Contains("beep", record.ElementsBeforeSelf("Say").Last().Value);
        Assert.NotNull(record.ElementsAfterSelf("Hangup").SingleOrDefault());
    }

    private static TwilioFixture Incoming(string from, string callSid) => TwilioFixture.Load("voice_incoming").With("CallSid", callSid).With("From", from);

    private static TwilioFixture RecordingStatus(string callSid, string recordingSid) =>
        TwilioFixture.Load("voice_recording_status").With("CallSid", callSid).With("RecordingSid", recordingSid)
            .With("RecordingUrl", $"https://api.twilio.com/2010-04-01/Accounts/{HubFactory.AccountSid}/Recordings/{recordingSid}");

    /// <summary>The Record verb's action request (Twilio's documented RecordingUrl, RecordingDuration, Digits).</summary>
    private static TwilioFixture RecordAction(string callSid, int recordingSeconds) =>
        TwilioFixture.Load("voice_status_completed").With("CallSid", callSid).With("CallStatus", "in-progress")
            .With("RecordingUrl", $"https://api.twilio.com/2010-04-01/Accounts/{HubFactory.AccountSid}/Recordings/{Sids.Recording()}")
            .With("RecordingDuration", recordingSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Digits", "#");

    /// <summary>The transcribeCallback request as Twilio documents it; the shared fixtures have none.</summary>
    private static TwilioFixture Transcription(string callSid, string recordingSid, string text) =>
        RecordingStatus(callSid, recordingSid)
            .With("TranscriptionSid", "TR" + Guid.NewGuid().ToString("N"))
            .With("TranscriptionStatus", "completed")
            .With("TranscriptionText", text)
            .With("TranscriptionUrl", $"https://api.twilio.com/2010-04-01/Accounts/{HubFactory.AccountSid}/Transcriptions/TR0")
            .With("TranscriptionType", "fast");

    private async Task<XDocument> PostTwimlAsync(string path, TwilioFixture request)
    {
        var response = await _hub.CreateClient().SendAsync(request.SignedRequest(path)).WaitAsync(TestServers.Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> PostAsync(string path, TwilioFixture request) =>
        (await _hub.CreateClient().SendAsync(request.SignedRequest(path)).WaitAsync(TestServers.Timeout)).StatusCode;

    private async Task PostStatusAsync(TwilioFixture request) =>
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("/webhooks/twilio/voice/status", request));

    private async Task<CallRecord> CallAsync(string callSid) =>
        (await Service<CallLog>().FindAsync(callSid, CancellationToken.None).WaitAsync(TestServers.Timeout))!;

    private async Task<Conversation> ConversationAsync(long id) =>
        (await Service<ConversationRepository>().GetAsync(id, CancellationToken.None).WaitAsync(TestServers.Timeout))!;

    private async Task<IReadOnlyList<ConversationEvent>> EventsAsync(long conversationId) =>
        await Service<ConversationEventLog>().ListAsync(conversationId, CancellationToken.None).WaitAsync(TestServers.Timeout);

    private async Task<IReadOnlyList<CallRecording>> RecordingsAsync(long interactionId) =>
        await Service<CallRecordings>().ForInteractionAsync(interactionId, CancellationToken.None).WaitAsync(TestServers.Timeout);

    private async Task<long> AbandonedInGeneralAsync()
    {
        var supervisor = _hub.CreateApiClient(HubFactory.SupervisorToken);
        var live = (await supervisor.GetFromJsonAsync<LiveQueues>("/api/queues/live", ApiJson.Options).WaitAsync(TestServers.Timeout))!;
        return live.Queues.Single(q => q.Queue == "general").Abandoned;
    }

    private T Service<T>()
        where T : notnull => _hub.Services.GetRequiredService<T>();
}
