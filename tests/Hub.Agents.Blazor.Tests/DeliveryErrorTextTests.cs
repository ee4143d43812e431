using ContactHub.Agents.Blazor.History;
using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.Tests;

public sealed class DeliveryErrorTextTests
{
    [Fact]
    public void TwiliosOptOutCodeSaysTheCustomerRepliedStop() =>
        Assert.Contains("STOP", DeliveryErrorText.Describe(ChannelKind.Sms, "21610"));

    [Fact]
    public void AnInvalidNumberIsSaidInWords() =>
        Assert.Equal("Not a valid phone number", DeliveryErrorText.Describe(ChannelKind.Sms, "21211"));

    [Fact]
    public void ATwilioCodeOnAnEmailIsNotMisread() =>
        Assert.Null(DeliveryErrorText.Describe(ChannelKind.Email, "21610"));

    [Fact]
    public void WhatsAppsReEngagementCodeExplainsTheTwentyFourHourWindow() =>
        Assert.Equal("More than 24 hours since the customer last wrote: only an approved template can reach them now", DeliveryErrorText.Describe(ChannelKind.WhatsApp, "131047"));

    [Fact]
    public void AWhatsAppCodeOnAnSmsIsNotMisreadNorTheOtherWayRound()
    {
        Assert.Null(DeliveryErrorText.Describe(ChannelKind.Sms, "131047"));
        Assert.Null(DeliveryErrorText.Describe(ChannelKind.WhatsApp, "21610"));
    }

    [Fact]
    public void TheHubsOwnCodesAreExplainedOnEveryChannel() =>
        Assert.NotNull(DeliveryErrorText.Describe(ChannelKind.Email, "retries-exhausted"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("99999")]
    public void UnknownCodesHaveNoWords(string? code) =>
        Assert.Null(DeliveryErrorText.Describe(ChannelKind.Sms, code));
}
