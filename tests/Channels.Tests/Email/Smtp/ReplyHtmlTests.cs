using ContactHub.Channels.Email.Smtp;

namespace ContactHub.Channels.Tests.Email.Smtp;

public sealed class ReplyHtmlTests
{
    [Fact]
    public void BlankLinesMakeParagraphsAndSingleBreaksStay() =>
        Assert.Equal("<!DOCTYPE html><html><body><p>Hi Ana,</p><p>the refund is on its way.<br>Best,<br>Ben</p></body></html>",
            ReplyHtml.FromText("Hi Ana,\r\n\r\nthe refund is on its way.\nBest,\nBen"));

    [Fact]
    public void MarkupTheAgentTypedOrQuotedIsEncodedNotRendered() =>
        Assert.Contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>", ReplyHtml.FromText("<script>alert(1)</script> & \"x\""));
}
