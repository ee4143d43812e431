using ContactHub.Agents.Blazor.History;
using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.Tests;

public sealed class RecordingTextTests
{
    private static CallRecording Recording(string? source, string? status, int? seconds = null, string? transcriptionStatus = null, string? text = null) =>
        new("RE445da6543eda23fad4152b4a2ccd53b8", "CA1", 1, source, status, seconds, transcriptionStatus, text);

    [Fact]
    public void ACompletedVoicemailShowsItsLength() =>
        Assert.Equal("Voicemail · 23s", RecordingText.Label(Recording(RecordingSources.Voicemail, "completed", 23)));

    [Fact]
    public void ARecordedConversationIsACallRecording() =>
        Assert.Equal("Call recording · 3:07", RecordingText.Label(Recording(RecordingSources.ConnectedCall, "completed", 187)));

    [Theory]
    [InlineData(RecordingSources.ConnectedCall, "in-progress", "Call recording · recording…")]
    [InlineData(RecordingSources.Voicemail, "absent", "Voicemail · nothing recorded (too short or silent)")]
    [InlineData(null, null, "Voicemail · being processed")]
    public void UnfinishedOrMissingRecordingsSayWhere(string? source, string? status, string label) =>
        Assert.Equal(label, RecordingText.Label(Recording(source, status)));

    [Fact]
    public void OnlyACompletedNonEmptyTranscriptionIsShown()
    {
        Assert.Equal("Call me back.", RecordingText.Transcription(Recording(RecordingSources.Voicemail, "completed", 5, "completed", "  Call me back. ")));
        Assert.Null(RecordingText.Transcription(Recording(RecordingSources.Voicemail, "completed", 5, "failed", "partial")));
        Assert.Null(RecordingText.Transcription(Recording(RecordingSources.Voicemail, "completed", 5, "completed", " ")));
    }

    [Fact]
    public void ThePlayerAsksTheHubsProxyNotTwilio() =>
        Assert.Equal("api/calls/recordings/RE445da6543eda23fad4152b4a2ccd53b8", RecordingText.AudioUrl(Recording(RecordingSources.Voicemail, "completed")));

    [Theory]
    [InlineData(RecordingSources.Voicemail, "voicemail")]
    [InlineData(null, "voicemail")]
    [InlineData(RecordingSources.ConnectedCall, "call")]
    [InlineData("OutboundAPI", "other")]
    public void EachRecordingHasAKindForTheDomContract(string? source, string kind) =>
        Assert.Equal(kind, RecordingText.Kind(Recording(source, "completed")));
}
