using System.Diagnostics;
using System.Text;
using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

/// <summary>Inputs shaped to make a naive parser take quadratic time; each must finish well inside the bound.</summary>
public class MimeHostileInputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static MimeMessage ReadTimed(string text)
    {
        var clock = Stopwatch.StartNew();
        var message = new MimeReader().Read(Encoding.UTF8.GetBytes(text));
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        return message;
    }

    [Fact]
    public void SubjectFullOfUnterminatedEncodedWordsIsReadQuickly()
    {
        var subject = string.Concat(Enumerable.Repeat("=?utf-8?Q?a", 50_000));

        var message = ReadTimed("Subject: " + subject + "\r\n\r\n");

        Assert.Equal(subject, message.Subject);
    }

    [Fact]
    public void HtmlBodyOfUnclosedTagsIsConvertedQuickly()
    {
        var message = ReadTimed("Content-Type: text/html\r\n\r\n" + new string('<', 1_000_000) + "<script>" + new string('x', 100_000));

        Assert.True(message.TextBodyDerivedFromHtml);
    }

    [Fact]
    public void HugeDateAndAddressHeadersAreReadQuickly()
    {
        var message = ReadTimed("Date: " + new string('(', 500_000) + "\r\nTo: " + new string('(', 500_000) + "\r\n\r\n");

        Assert.Null(message.Date);
        Assert.Empty(message.To);
    }

    [Fact]
    public void Utf7IsTreatedAsAnUnknownCharset()
    {
        var message = TestMail.Read("Content-Type: text/plain; charset=utf-7", "", "+AGEAYgBj-");

        Assert.Equal("+AGEAYgBj-", message.TextBody);
        Assert.True(message.Has(MimeWarningKind.UnknownCharset));
    }
}
