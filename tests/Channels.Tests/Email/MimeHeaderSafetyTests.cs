using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

public class MimeHeaderSafetyTests
{
    [Theory]
    [InlineData("=?utf-8?Q?Hi=0D=0ABcc:_evil@example.com?=")]
    [InlineData("=?utf-8?B?SGkNCkJjYzogZXZpbEBleGFtcGxlLmNvbQ==?=")]
    public void EncodedCrLfInTheSubjectCreatesNoNewHeader(string subject)
    {
        var message = TestMail.Read("From: a@example.com", "Subject: " + subject, "", "body");

        Assert.Equal("Hi  Bcc: evil@example.com", message.Subject);
        Assert.DoesNotContain(message.Headers, h => h.Name.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, message.Headers.Count);
        Assert.All(message.Headers, h => Assert.DoesNotContain(h.Value, c => c is '\r' or '\n'));
    }

    [Fact]
    public void FoldedLineThatLooksLikeAHeaderStaysInsideTheFieldItContinues()
    {
        var message = TestMail.Read("Subject: hello", " Bcc: evil@example.com", "", "body");

        Assert.Equal("hello Bcc: evil@example.com", message.Subject);
        Assert.Single(message.Headers);
    }

    [Fact]
    public void ScriptTagInTheSubjectIsKeptAsPlainText()
    {
        var message = TestMail.Read("Subject: <script>alert('x')</script> & <b>", "", "body");

        Assert.Equal("<script>alert('x')</script> & <b>", message.Subject);
    }

    [Fact]
    public void NulBytesInAHeaderAreRemovedWithAWarning()
    {
        var message = new MimeReader().Read([.. "Subject: a"u8, 0, .. "b\r\n\r\nbody"u8]);

        Assert.Equal("ab", message.Subject);
        Assert.True(message.Has(MimeWarningKind.NulBytesRemoved));
    }

    [Fact]
    public void AttachmentFileNameCannotNameAPath()
    {
        var message = TestMail.Read(
            "Content-Type: multipart/mixed; boundary=b",
            "",
            "--b",
            "Content-Type: text/plain",
            "",
            "body",
            "--b",
            "Content-Type: application/octet-stream",
            "Content-Disposition: attachment; filename=\"..\\\\..\\\\evil.exe\"",
            "",
            "x",
            "--b",
            "Content-Type: application/octet-stream; name=\"../../etc/passwd\"",
            "",
            "y",
            "--b--");

        Assert.Equal(["evil.exe", "passwd"], message.Attachments.Select(a => a.FileName));
    }

    [Fact]
    public void HtmlOnlyMailGivesTextWithoutScriptsAndFlagsItAsDerived()
    {
        var message = TestMail.Read(
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            "PHA+SGVsbG8gPGI+dGhlcmU8L2I+PC9wPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD4=");

        Assert.Equal("Hello there", message.TextBody);
        Assert.True(message.TextBodyDerivedFromHtml);
        Assert.Equal("<p>Hello <b>there</b></p><script>alert(1)</script>", message.UnsafeHtmlBody);
    }
}
