using ContactHub.Agents.Blazor.History;
using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.Tests;

public sealed class CallSummaryTests
{
    private static CallRecord Call(string status, string? queueResult = null, int? waited = null, int? talked = null) =>
        new("CA1", 1, 2, 3, status, queueResult, waited, talked, Fakes.Noon, null);

    [Fact]
    public void AnAnsweredCallSaysHowLongTheCallerWaitedAndTalked() =>
        Assert.Equal("Call ended · waited 1:34 · talked 3:07", CallSummary.Describe(Call("completed", "bridged", 94, 187), "completed"));

    [Fact]
    public void AnAbandonedCallSaysTheCallerHungUpAndNotThatTheyTalked() =>
        Assert.Equal("Caller hung up while waiting · waited 1:34", CallSummary.Describe(Call("completed", "hangup", 94, 120), "completed"));

    [Fact]
    public void AWaitingCallSaysSo() => Assert.Equal("Caller waiting in queue", CallSummary.Describe(Call("queued"), "queued"));

    [Fact]
    public void WithoutItsCallRecordTheInteractionsStatusStillSpeaks() => Assert.Equal("Call not answered", CallSummary.Describe(null, "no-answer"));

    [Fact]
    public void ACallerWhoLeftAVoicemailAfterWaitingSaysSoAndNotThatTheyTalked() =>
        Assert.Equal("Caller left a voicemail · waited 2:00", CallSummary.Describe(Call("completed", "leave", 120, 45) with { Voicemail = VoicemailState.Left }, "completed"));

    [Fact]
    public void ACallerWhoHungUpAtTheVoicemailPromptSaysSo() =>
        Assert.Equal("Caller hung up without leaving a message", CallSummary.Describe(Call("completed", talked: 12) with { Voicemail = VoicemailState.Offered }, "completed"));

    [Fact]
    public void ACallerStillAtTheVoicemailSaysSo() =>
        Assert.Equal("Caller sent to voicemail", CallSummary.Describe(Call("in-progress") with { Voicemail = VoicemailState.Offered }, "in-progress"));
}
