using ContactHub.Channels.Twilio;

namespace ContactHub.Channels.Tests.Twilio;

public sealed class SmsKeywordsTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("  Stop. ")]
    [InlineData("STOPALL")]
    [InlineData("Unsubscribe")]
    [InlineData("CANCEL")]
    [InlineData("end")]
    [InlineData("QUIT!")]
    public void EachOfTwiliosOptOutWordsAloneOptsOut(string body) =>
        Assert.Equal(SmsKeywordKind.OptOut, SmsKeywords.Classify(body).Kind);

    [Theory]
    [InlineData("START")]
    [InlineData("unstop")]
    [InlineData("Yes")]
    public void StartAndUnstopOptBackIn(string body) =>
        Assert.Equal(SmsKeywordKind.OptIn, SmsKeywords.Classify(body).Kind);

    [Theory]
    [InlineData("HELP")]
    [InlineData("help?")]
    [InlineData("Info")]
    public void HelpAndInfoAskForHelp(string body) =>
        Assert.Equal(SmsKeywordKind.Help, SmsKeywords.Classify(body).Kind);

    [Theory]
    [InlineData("please stop texting me")]
    [InlineData("I'd like to cancel my subscription please")]
    [InlineData("Don't stop")]
    [InlineData("")]
    [InlineData(null)]
    public void AKeywordInsideASentenceIsAnOrdinaryMessage(string? body) =>
        Assert.Equal(SmsKeywordKind.None, SmsKeywords.Classify(body).Kind);

    [Fact]
    public void TheKeywordIsReportedInCapitals() =>
        Assert.Equal((SmsKeywordKind.OptOut, "QUIT"), SmsKeywords.Classify(" quit "));

    [Fact]
    public void TwiliosOptOutTypeWinsForAnAccountsOwnKeyword() =>
        Assert.Equal((SmsKeywordKind.OptOut, "ARRÊT"), SmsKeywords.Classify("Arrêt", optOutType: "STOP"));

    [Fact]
    public void AnOptOutTypeWithALongBodyKeepsTheStandardWord() =>
        Assert.Equal((SmsKeywordKind.OptOut, "STOP"), SmsKeywords.Classify("please remove me from this list", optOutType: "STOP"));
}
