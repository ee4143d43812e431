using ContactHub.Core.Config;

namespace ContactHub.Core.Tests.Config;

public sealed class QueueVoicemailValidationTests
{
    private static readonly string[] Known = ["general", "billing"];

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(300)]
    [InlineData(14400)]
    public void NeverOrAWaitBetweenTenSecondsAndFourHoursIsAccepted(int seconds)
    {
        Assert.Null(RoutingValidation.Queue(Queues.Billing with { VoicemailAfterSeconds = seconds, RecordCalls = true }, Known));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(14401)]
    public void ANegativeTinyOrHugeWaitIsRefusedWithAReason(int seconds)
    {
        Assert.Contains("voicemailAfterSeconds", RoutingValidation.Queue(Queues.Billing with { VoicemailAfterSeconds = seconds }, Known));
    }
}
