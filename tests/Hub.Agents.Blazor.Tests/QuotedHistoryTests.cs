using ContactHub.Agents.Blazor.History;

namespace ContactHub.Agents.Blazor.Tests;

public sealed class QuotedHistoryTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Fact]
    public void GmailsWrappedAttributionAndQuoteBlockAreSplitOff()
    {
        var text = Lines(
            "Re: Printer broken [#CH-12-abcdefgh]",
            "",
            "Thanks, the new cartridge works!",
            "",
            "Dana",
            "",
            "On Mon, Nov 23, 2026 at 10:02 AM Acme Support <support@example.net>",
            "wrote:",
            "",
            "> Hello Dana,",
            "> please try a new cartridge.",
            ">",
            "> On Mon, Nov 23, 2026 at 9:15 AM Dana <dana@example.com> wrote:",
            ">> It prints nothing.");

        var split = QuotedHistory.Split(text);

        Assert.Equal(Lines("Re: Printer broken [#CH-12-abcdefgh]", "", "Thanks, the new cartridge works!", "", "Dana"), split.NewText);
        Assert.StartsWith("On Mon, Nov 23, 2026 at 10:02 AM", split.Quoted);
        Assert.EndsWith(">> It prints nothing.", split.Quoted);
    }

    [Fact]
    public void OutlooksRuleAndHeaderBlockStartTheHistory()
    {
        var text = Lines(
            "RE: Invoice 4711",
            "",
            "Hi, the invoice is attached again.",
            "",
            "Best regards",
            "Jörg Weber",
            "",
            "________________________________",
            "From: Acme Support <support@example.net>",
            "Sent: Monday, November 23, 2026 10:02 AM",
            "To: Jörg Weber <j.weber@example.de>",
            "Subject: Invoice 4711 [#CH-7-abcdefgh]",
            "",
            "Could you send the invoice again?");

        var split = QuotedHistory.Split(text);

        Assert.Equal(Lines("RE: Invoice 4711", "", "Hi, the invoice is attached again.", "", "Best regards", "Jörg Weber"), split.NewText);
        Assert.StartsWith("________________________________\nFrom: Acme Support", split.Quoted);
    }

    [Fact]
    public void GermanOutlookHeadersAreRecognised()
    {
        var text = Lines(
            "Passt, danke!",
            "",
            "Von: Acme Support <support@example.net>",
            "Gesendet: Montag, 23. November 2026 10:02",
            "An: Jörg Weber <j.weber@example.de>",
            "Betreff: AW: Rechnung 4711",
            "",
            "Die Rechnung ist unterwegs.");

        Assert.Equal("Passt, danke!", QuotedHistory.Split(text).NewText);
    }

    [Fact]
    public void OutlooksOriginalMessageLineStartsTheHistory()
    {
        var text = Lines(
            "Please cancel the order.",
            "",
            "-----Original Message-----",
            "From: Acme Support [mailto:support@example.net]",
            "Sent: Monday, November 23, 2026 10:02 AM",
            "Subject: Your order");

        var split = QuotedHistory.Split(text);

        Assert.Equal("Please cancel the order.", split.NewText);
        Assert.StartsWith("-----Original Message-----", split.Quoted);
    }

    [Fact]
    public void AppleMailsAttributionAndQuotesAreSplitOff()
    {
        var text = Lines(
            "Yes, Tuesday is fine.",
            "",
            "Sent from my iPhone",
            "",
            "> On 23 Nov 2026, at 10:02, Acme Support <support@example.net> wrote:",
            "> ",
            "> Would Tuesday suit you for the repair?");

        var split = QuotedHistory.Split(text);

        Assert.Equal(Lines("Yes, Tuesday is fine.", "", "Sent from my iPhone"), split.NewText);
    }

    [Fact]
    public void AppleMailsUnquotedAttributionAboveTheQuoteIsIncluded()
    {
        var text = Lines(
            "Yes, Tuesday is fine.",
            "",
            "On 23 Nov 2026, at 10:02, Acme Support <support@example.net> wrote:",
            "",
            "> Would Tuesday suit you for the repair?");

        Assert.Equal("Yes, Tuesday is fine.", QuotedHistory.Split(text).NewText);
    }

    [Theory]
    [InlineData("Am 23.11.2026 um 10:02 schrieb Acme Support <support@example.net>:")]
    [InlineData("Acme Support <support@example.net> schrieb am Mo., 23. Nov. 2026, 10:02:")]
    [InlineData("Le lun. 23 nov. 2026 à 10:02, Acme Support <support@example.net> a écrit :")]
    [InlineData("El lun, 23 nov 2026 a las 10:02, Acme Support (<support@example.net>) escribió:")]
    public void GermanFrenchAndSpanishAttributionsAreRecognised(string attribution)
    {
        var text = Lines("Merci / Danke / Gracias", "", attribution, "", "> Original text", "> more");

        var split = QuotedHistory.Split(text);

        Assert.Equal("Merci / Danke / Gracias", split.NewText);
        Assert.StartsWith(attribution, split.Quoted);
    }

    [Fact]
    public void HistoryRenderedFromHtmlWithoutQuoteMarksIsSplitAtTheDatedAttribution()
    {
        var text = Lines(
            "Works now, thanks.",
            "On Mon, Nov 23, 2026 at 10:02 AM Acme Support <support@example.net> wrote:",
            "Hello Dana,",
            "please restart the printer.");

        Assert.Equal("Works now, thanks.", QuotedHistory.Split(text).NewText);
    }

    [Fact]
    public void TheSignatureSeparatorStartsTheHiddenPart()
    {
        var text = Lines("Where is my parcel?", "", "-- ", "Dana Customer", "+49 30 1234567");

        var split = QuotedHistory.Split(text);

        Assert.Equal("Where is my parcel?", split.NewText);
        Assert.Equal(Lines("-- ", "Dana Customer", "+49 30 1234567"), split.Quoted);
    }

    [Fact]
    public void AnswersInterleavedWithQuotesAreNeverHidden()
    {
        var text = Lines(
            "On Mon, Nov 23, 2026 at 10:02 AM Acme Support <support@example.net> wrote:",
            "> What is your order number?",
            "A-4521",
            "> And your postcode?",
            "10115",
            "> Thank you.");

        var split = QuotedHistory.Split(text);

        // Only the quote after the last answer goes; every answer and the question it answers stay.
        Assert.Equal(Lines(
            "On Mon, Nov 23, 2026 at 10:02 AM Acme Support <support@example.net> wrote:",
            "> What is your order number?",
            "A-4521",
            "> And your postcode?",
            "10115"), split.NewText);
        Assert.Equal("> Thank you.", split.Quoted);
    }

    [Fact]
    public void AMailThatIsAllQuoteIsShownWhole()
    {
        var text = Lines("On Mon, Nov 23, 2026 at 10:02 AM Acme Support <support@example.net> wrote:", "> Hello", "> there");

        var split = QuotedHistory.Split(text);

        Assert.Equal(text, split.NewText);
        Assert.False(split.HasQuoted);
    }

    [Fact]
    public void AMailThatStartsWithTheSignatureIsShownWhole()
    {
        Assert.False(QuotedHistory.Split(Lines("-- ", "Dana")).HasQuoted);
    }

    [Theory]
    [InlineData("On Monday you wrote: the parcel would come today.")]
    [InlineData("On Monday you wrote:\nthe parcel would come today. It did not.")]
    [InlineData("From: my neighbour, who took the parcel in.\nSubject: none")]
    [InlineData("I need a greater-than sign: 3 > 2 is what the form says.")]
    public void OrdinaryProseIsNotMistakenForHistory(string text)
    {
        var split = QuotedHistory.Split(text);

        Assert.False(split.HasQuoted);
        Assert.Equal(text, split.NewText);
    }

    [Fact]
    public void CrLfLineEndsAndNoTextAreHandled()
    {
        Assert.Equal("Thanks", QuotedHistory.Split("Thanks\r\n\r\n> old\r\n").NewText);
        Assert.False(QuotedHistory.Split(null).HasQuoted);
        Assert.False(QuotedHistory.Split("").HasQuoted);
    }
}
