namespace ContactHub.Channels.Tests.Email;

public class MimeFormatFlowedTests
{
    [Fact]
    public void SoftBrokenLinesOfAFlowedBodyAreJoinedIntoOneParagraph()
    {
        var message = TestMail.Read(
            "Content-Type: text/plain; charset=utf-8; format=flowed",
            "",
            "This is a long ",
            "paragraph.",
            "Next line.",
            " From the start, stuffed.");

        Assert.Equal("This is a long paragraph.\nNext line.\nFrom the start, stuffed.", message.TextBody);
    }

    [Fact]
    public void DelSpRemovesTheSpaceThatMarkedTheSoftBreak()
    {
        var message = TestMail.Read("Content-Type: text/plain; format=flowed; delsp=yes", "", "Zusammen ", "geschrieben");

        Assert.Equal("Zusammengeschrieben", message.TextBody);
    }

    [Fact]
    public void QuotedFlowedLinesJoinOnlyWithinTheSameQuoteDepthAndTheSignatureSeparatorStays()
    {
        var message = TestMail.Read(
            "Content-Type: text/plain; format=flowed",
            "",
            "> quoted ",
            "> text",
            ">> deeper ",
            "not quoted",
            "-- ",
            "Sig");

        Assert.Equal("> quoted text\n>> deeper \nnot quoted\n-- \nSig", message.TextBody);
    }

    [Fact]
    public void FixedTextWithTrailingBlanksIsNotJoined()
    {
        var message = TestMail.Read("Content-Type: text/plain", "", "keep ", "apart");

        Assert.Equal("keep \napart", message.TextBody);
    }
}
