using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

public class MimeMultipartTests
{
    [Fact]
    public void MissingFinalBoundaryKeepsTheLastPartAndWarns()
    {
        var message = TestMail.Read(
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "--outer",
            "Content-Type: text/plain",
            "",
            "first",
            "--outer",
            "Content-Type: application/octet-stream; name=a.bin",
            "Content-Transfer-Encoding: base64",
            "",
            "AAEC");

        Assert.Equal("first", message.TextBody);
        Assert.Equal(new byte[] { 0, 1, 2 }, Assert.Single(message.Attachments).Content.ToArray());
        Assert.True(message.Has(MimeWarningKind.MissingFinalBoundary));
    }

    [Fact]
    public void BoundaryThatNeverAppearsMakesTheBodyPlainTextWithAWarning()
    {
        var message = TestMail.Read("Content-Type: multipart/mixed; boundary=nowhere", "", "just text");

        Assert.Equal("just text", message.TextBody);
        Assert.True(message.Has(MimeWarningKind.BoundaryNotFound));
    }

    [Fact]
    public void Rfc2231ContinuationsAreJoinedAndPercentDecoded()
    {
        var message = TestMail.Read(
            "Content-Type: multipart/mixed; boundary=b",
            "",
            "--b",
            "Content-Type: application/pdf",
            "Content-Disposition: attachment;",
            " filename*0*=utf-8'fr'Rapport%20annuel%20;",
            " filename*1*=%C3%A9t%C3%A9;",
            " filename*2=\" 2026.pdf\"",
            "",
            "x",
            "--b--");

        Assert.Equal("Rapport annuel été 2026.pdf", Assert.Single(message.Attachments).FileName);
    }

    [Fact]
    public void QuotedParameterMayContainSemicolonsAndEscapedQuotes()
    {
        var message = TestMail.Read(
            "Content-Type: multipart/mixed; boundary=\"b;c\"",
            "",
            "--b;c",
            "Content-Type: text/csv; name=\"a;\\\"b\\\".csv\" (a comment)",
            "",
            "1,2",
            "--b;c--");

        var attachment = Assert.Single(message.Attachments);
        Assert.Equal("a;\"b\".csv", attachment.FileName);
        Assert.Equal("text/csv", attachment.ContentType);
    }

    [Fact]
    public void InlineImageInMultipartRelatedIsFoundByItsContentId()
    {
        var message = TestMail.Read(
            "Content-Type: multipart/alternative; boundary=alt",
            "",
            "--alt",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "See the logo.",
            "--alt",
            "Content-Type: multipart/related; boundary=rel; type=\"text/html\"",
            "",
            "--rel",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<p>See the <img src=\"cid:logo@acme.example\"></p>",
            "--rel",
            "Content-Type: image/png",
            "Content-ID: <logo@acme.example>",
            "Content-Transfer-Encoding: base64",
            "",
            "iVBORw0KGgo=",
            "--rel--",
            "--alt--");

        Assert.Equal("See the logo.", message.TextBody);
        Assert.Equal("<p>See the <img src=\"cid:logo@acme.example\"></p>", message.UnsafeHtmlBody);
        var image = Assert.Single(message.Attachments);
        Assert.Equal("logo@acme.example", image.ContentId);
        Assert.Equal(MimeDisposition.Inline, image.Disposition);
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }, image.Content.ToArray());
    }

    [Fact]
    public void RelatedRootNamedByStartIsTheBodyEvenWhenNotFirst()
    {
        var message = TestMail.Read(
            "Content-Type: multipart/related; boundary=r; start=\"<root@x>\"",
            "",
            "--r",
            "Content-Type: image/gif",
            "Content-ID: <img@x>",
            "",
            "GIF89a",
            "--r",
            "Content-Type: text/html",
            "Content-ID: <root@x>",
            "",
            "<img src=\"cid:img@x\">",
            "--r--");

        Assert.Equal("<img src=\"cid:img@x\">", message.UnsafeHtmlBody);
        Assert.Equal("img@x", Assert.Single(message.Attachments).ContentId);
    }

    [Fact]
    public void InnerBoundaryStartingWithTheOuterOneDoesNotSplitTheOuterPart()
    {
        var message = TestMail.Read(
            "Content-Type: multipart/mixed; boundary=abc",
            "",
            "--abc",
            "Content-Type: multipart/alternative; boundary=abc-1",
            "",
            "--abc-1",
            "Content-Type: text/plain",
            "",
            "plain",
            "--abc-1",
            "Content-Type: text/html",
            "",
            "<i>rich</i>",
            "--abc-1--",
            "--abc--");

        Assert.Equal("plain", message.TextBody);
        Assert.Equal("<i>rich</i>", message.UnsafeHtmlBody);
        Assert.Empty(message.Warnings);
    }

    [Fact]
    public void AbsurdNestingStopsAtTheDepthLimitWithAWarning()
    {
        const int levels = 300;
        var lines = new List<string>();
        for (var i = 0; i < levels; i++)
            lines.AddRange([$"Content-Type: multipart/mixed; boundary=b{i}", "", $"--b{i}"]);
        lines.AddRange(["Content-Type: text/plain", "", "deep"]);

        var message = TestMail.Read([.. lines]);

        Assert.True(message.Has(MimeWarningKind.NestingTooDeep));
        Assert.Equal("", message.TextBody);
    }

    [Fact]
    public void NestingWithinTheLimitReachesTheBody()
    {
        var lines = new List<string>();
        for (var i = 0; i < 5; i++)
            lines.AddRange([$"Content-Type: multipart/mixed; boundary=b{i}", "", $"--b{i}"]);
        lines.AddRange(["Content-Type: text/plain", "", "deep"]);

        var message = TestMail.Read([.. lines]);

        Assert.Equal("deep", message.TextBody);
        Assert.False(message.Has(MimeWarningKind.NestingTooDeep));
    }

    [Fact]
    public void SecondInlineTextPartIsKeptAsAnAttachmentRatherThanLost()
    {
        var message = TestMail.Read(
            "Content-Type: multipart/mixed; boundary=m",
            "",
            "--m",
            "",
            "main text",
            "--m",
            "Content-Type: text/plain",
            "",
            "footer",
            "--m--");

        Assert.Equal("main text", message.TextBody);
        Assert.Equal("footer"u8.ToArray(), Assert.Single(message.Attachments).Content.ToArray());
    }
}
