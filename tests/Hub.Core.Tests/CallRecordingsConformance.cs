using ContactHub.Core.Domain;
using ContactHub.Core.Store;

namespace ContactHub.Core.Tests;

/// <summary>Recordings and the voicemail state of calls hold on every provider, whatever order the callbacks come in.</summary>
public abstract class CallRecordingsConformance(StoreProvider provider) : IAsyncLifetime
{
    private StoreHarness _store = null!;
    private CallLog _calls = null!;
    private CallRecordings _recordings = null!;

    public async Task InitializeAsync()
    {
        _store = await StoreHarness.CreateAsync(provider);
        _calls = new CallLog(_store.Connections, _store.Time);
        _recordings = new CallRecordings(_store.Connections, _store.Time);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task ACompletedRecordingIsStoredOnceAndRetriesOrLateStatusesChangeNothing()
    {
        var (callSid, interactionId) = await CallAsync();
        var completed = new RecordingReport(Recording(), callSid, RecordingSources.Voicemail, RecordingStatuses.Completed, 23, "https://api.twilio.com/x");

        Assert.True(await _recordings.ApplyStatusAsync(completed, CancellationToken.None).WaitAsync(Inbound.Timeout));
        Assert.False(await _recordings.ApplyStatusAsync(completed, CancellationToken.None).WaitAsync(Inbound.Timeout));
        Assert.False(await _recordings.ApplyStatusAsync(completed with { Status = RecordingStatuses.InProgress, DurationSeconds = null }, CancellationToken.None).WaitAsync(Inbound.Timeout));

        var stored = Assert.Single(await _recordings.ForInteractionAsync(interactionId, CancellationToken.None).WaitAsync(Inbound.Timeout));
        Assert.Equal(new CallRecording(completed.RecordingSid, callSid, interactionId, RecordingSources.Voicemail, RecordingStatuses.Completed, 23, null, null), stored);
        Assert.True(stored.IsPlayable && stored.IsVoicemail);
    }

    [Fact]
    public async Task AnInProgressRecordingMovesOnToCompletedWithItsDuration()
    {
        var (callSid, _) = await CallAsync();
        var sid = Recording();

        await _recordings.ApplyStatusAsync(new RecordingReport(sid, callSid, RecordingSources.ConnectedCall, RecordingStatuses.InProgress, null, null), CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.True(await _recordings.ApplyStatusAsync(new RecordingReport(sid, callSid, RecordingSources.ConnectedCall, RecordingStatuses.Completed, 187, null), CancellationToken.None).WaitAsync(Inbound.Timeout));

        var stored = await _recordings.FindAsync(sid, CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.Equal((RecordingStatuses.Completed, 187, false), (stored!.Status, stored.DurationSeconds, stored.IsVoicemail));
    }

    [Fact]
    public async Task ATranscriptionBeforeItsRecordingIsKeptAndACompletedOneIsNeverReplaced()
    {
        var (callSid, _) = await CallAsync();
        var sid = Recording();

        Assert.True(await _recordings.ApplyTranscriptionAsync(sid, callSid, "completed", "Please call me back.", CancellationToken.None).WaitAsync(Inbound.Timeout));
        Assert.False(await _recordings.ApplyTranscriptionAsync(sid, callSid, "failed", null, CancellationToken.None).WaitAsync(Inbound.Timeout));
        await _recordings.ApplyStatusAsync(new RecordingReport(sid, callSid, RecordingSources.Voicemail, RecordingStatuses.Completed, 9, null), CancellationToken.None).WaitAsync(Inbound.Timeout);

        var stored = await _recordings.FindAsync(sid, CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.Equal((RecordingSources.Voicemail, RecordingStatuses.Completed, "completed", "Please call me back."), (stored!.Source, stored.Status, stored.TranscriptionStatus, stored.TranscriptionText));
    }

    [Fact]
    public async Task AFailedTranscriptionIsReplacedWhenTheProviderRetriesSuccessfully()
    {
        var (callSid, _) = await CallAsync();
        var sid = Recording();

        await _recordings.ApplyTranscriptionAsync(sid, callSid, "failed", null, CancellationToken.None).WaitAsync(Inbound.Timeout);
        Assert.True(await _recordings.ApplyTranscriptionAsync(sid, callSid, "completed", "Hello", CancellationToken.None).WaitAsync(Inbound.Timeout));

        Assert.Equal("Hello", (await _recordings.FindAsync(sid, CancellationToken.None).WaitAsync(Inbound.Timeout))!.TranscriptionText);
    }

    [Fact]
    public async Task ARecordingOfAnUnknownCallIsNotStored()
    {
        var sid = Recording();

        Assert.False(await _recordings.ApplyStatusAsync(new RecordingReport(sid, "CA" + Guid.NewGuid().ToString("N"), null, RecordingStatuses.Completed, 1, null), CancellationToken.None).WaitAsync(Inbound.Timeout));
        Assert.Null(await _recordings.FindAsync(sid, CancellationToken.None).WaitAsync(Inbound.Timeout));
    }

    [Fact]
    public async Task VoicemailIsOfferedOnceAndALeftMessageIsNotUndoneByAnotherOffer()
    {
        var (callSid, _) = await CallAsync();

        Assert.Equal(VoicemailState.Offered, (await _calls.OfferVoicemailAsync(callSid, CancellationToken.None).WaitAsync(Inbound.Timeout))!.Voicemail);
        Assert.Equal(VoicemailState.Left, (await _calls.MarkVoicemailLeftAsync(callSid, CancellationToken.None).WaitAsync(Inbound.Timeout))!.Voicemail);
        Assert.Equal(VoicemailState.Left, (await _calls.OfferVoicemailAsync(callSid, CancellationToken.None).WaitAsync(Inbound.Timeout))!.Voicemail);
        Assert.Equal("general", await _calls.QueueOfAsync(callSid, CancellationToken.None).WaitAsync(Inbound.Timeout));
    }

    private async Task<(string CallSid, long InteractionId)> CallAsync()
    {
        var stream = await _store.StartStreamAsync();
        var call = Inbound.Call("+15555550150") with { ThreadKey = "CA" + Guid.NewGuid().ToString("N") };
        var stored = await stream.AppendAsync(call, CancellationToken.None).WaitAsync(Inbound.Timeout);
        await _calls.OpenAsync(call.ExternalId, stored.InteractionId, stored.ConversationId, CancellationToken.None).WaitAsync(Inbound.Timeout);
        return (call.ExternalId, stored.InteractionId);
    }

    private static string Recording() => "RE" + Guid.NewGuid().ToString("N");
}

public sealed class SqliteCallRecordingsTests() : CallRecordingsConformance(StoreProvider.Sqlite);

public sealed class PostgresCallRecordingsTests() : CallRecordingsConformance(StoreProvider.Postgres);
