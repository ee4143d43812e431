using ContactHub.Agents.Blazor.History;

namespace ContactHub.Agents.Blazor.Tests;

public class DeliveryStatusViewTests
{
    [Theory]
    [InlineData("pending", "wait")]
    [InlineData("queued", "wait")]
    [InlineData("sent", "ok")]
    [InlineData("delivered", "ok")]
    [InlineData("read", "read")]
    [InlineData("failed", "failed")]
    [InlineData("undelivered", "failed")]
    public void EachProviderStatusHasATone(string status, string tone) =>
        Assert.Equal(tone, DeliveryStatusView.For(status).Tone);

    [Fact]
    public void DeliveredShowsTwoTicksAndSentOne()
    {
        Assert.Equal("✓✓", DeliveryStatusView.For("delivered").Glyph);
        Assert.Equal("✓", DeliveryStatusView.For("sent").Glyph);
    }

    [Fact]
    public void AnUnknownStatusIsNeitherSuccessNorFailure()
    {
        var view = DeliveryStatusView.For("mystery");

        Assert.False(view.IsFailure);
        Assert.Equal("wait", view.Tone);
    }

    [Fact]
    public void AFailedMessageShowsItsReasonInWords() =>
        Assert.Equal("The mailbox does not exist", DeliveryStatusView.FailureReason("failed", " The mailbox does not exist "));

    [Theory]
    [InlineData("sent", "left over from an earlier attempt")]
    [InlineData("failed", null)]
    [InlineData("failed", "  ")]
    public void NoReasonIsShownWhenTheMessageDidNotFailOrNoneWasRecorded(string status, string? reason) =>
        Assert.Null(DeliveryStatusView.FailureReason(status, reason));
}
