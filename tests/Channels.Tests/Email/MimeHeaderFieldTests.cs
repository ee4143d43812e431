using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

public class MimeHeaderFieldTests
{
    [Fact]
    public void AutoReplyAndListHeadersAreGivenRaw()
    {
        var message = TestMail.Read(
            "Auto-Submitted: auto-replied (vacation)",
            "Precedence: bulk",
            "List-Id: Acme news <news.acme.example>",
            "X-Autoreply: yes",
            "",
            "");

        Assert.Equal("auto-replied (vacation)", message.AutoSubmitted);
        Assert.Equal("bulk", message.Precedence);
        Assert.Equal("Acme news <news.acme.example>", message.ListId);
        Assert.Equal("yes", message.XAutoreply);
    }

    [Theory]
    [InlineData("10 Mar 26 10:12 EST", "2026-03-10T10:12:00-05:00")]
    [InlineData("Tue,10 Mar 2026 09:12:47 GMT", "2026-03-10T09:12:47+00:00")]
    [InlineData("Tue, 10 Mar 2026 09:12:47 +0000 (UTC)", "2026-03-10T09:12:47+00:00")]
    [InlineData("Tuesday, 10 March 2026 09:12:47 -0230", "2026-03-10T09:12:47-02:30")]
    public void DatesInRfc5322AndObsoleteFormsAreRead(string raw, string expected)
    {
        var message = TestMail.Read("Date: " + raw, "", "");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), message.Date);
    }

    [Fact]
    public void UnreadableDateIsNullWithAWarning()
    {
        var message = TestMail.Read("Date: sometime last week", "", "");

        Assert.Null(message.Date);
        Assert.True(message.Has(MimeWarningKind.MalformedDate));
    }

    [Fact]
    public void RepeatedHeadersKeepTheirOrderAndRawValues()
    {
        var message = TestMail.Read("Comments: =?utf-8?Q?one?=", "X-Other: 1", "Comments: two", "", "");

        Assert.Equal(["one", "two"], message.Headers.FindAll("comments").Select(h => h.Value));
        Assert.Equal("=?utf-8?Q?one?=", message.Headers[0].RawValue);
        Assert.Equal("1", message.Headers.Find("X-OTHER")?.Value);
    }

    [Fact]
    public void MessageIdWithoutAngleBracketsIsStillRead()
    {
        var message = TestMail.Read("Message-ID: abc@host.example", "", "");

        Assert.Equal("abc@host.example", message.MessageId);
    }
}
