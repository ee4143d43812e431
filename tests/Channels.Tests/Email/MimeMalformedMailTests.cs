using System.Text;
using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

public class MimeMalformedMailTests
{
    [Fact]
    public void ZeroByteMessageGivesAnEmptyMessageWithAWarning()
    {
        var message = new MimeReader().Read(ReadOnlyMemory<byte>.Empty);

        Assert.Empty(message.Headers);
        Assert.Equal("", message.Subject);
        Assert.Equal("", message.TextBody);
        Assert.Null(message.Date);
        Assert.True(message.Has(MimeWarningKind.EmptyMessage));
    }

    [Fact]
    public void MessageWithoutHeadersIsReadAsBodyWithAWarning()
    {
        var message = TestMail.Read("Hello there,", "no headers here.");

        Assert.Empty(message.Headers);
        Assert.Equal("Hello there,\nno headers here.", message.TextBody);
        Assert.Single(message.Warnings, w => w.Kind == MimeWarningKind.NoHeaders);
    }

    [Fact]
    public void MboxSeparatorLineBeforeTheHeadersIsSkipped()
    {
        var message = TestMail.Read("From alice@example.com Tue Mar 10 09:12:47 2026", "Subject: hi", "", "body");

        Assert.Equal("hi", message.Subject);
        Assert.Equal("body", message.TextBody);
        Assert.Empty(message.Warnings);
    }

    [Fact]
    public void BareLfMessageReadsLikeItsCrLfOriginal()
    {
        var crlf = TestMail.FixtureBytes("03_mixed_pdf_rfc2047_subject.eml");
        var lf = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(crlf).Replace("\r\n", "\n"));

        var original = new MimeReader().Read(crlf);
        var message = new MimeReader().Read(lf);

        Assert.Equal(original.Subject, message.Subject);
        Assert.Equal(original.TextBody, message.TextBody);
        Assert.Equal(original.UnsafeHtmlBody, message.UnsafeHtmlBody);
        Assert.Equal(613, Assert.Single(message.Attachments).Size);
        Assert.Empty(message.Warnings);
    }

    [Fact]
    public void NulBytesInATextBodyAreRemovedWithAWarning()
    {
        var message = new MimeReader().Read([.. "Subject: x\r\n\r\nab"u8, 0, .. "c"u8]);

        Assert.Equal("abc", message.TextBody);
        Assert.True(message.Has(MimeWarningKind.NulBytesRemoved));
    }

    [Fact]
    public void BrokenBase64KeepsWhatDecodesAndWarns()
    {
        var message = TestMail.Read("Content-Transfer-Encoding: base64", "", "SGVsbG8gV29y!!", "bGQ");

        Assert.Equal("Hello World", message.TextBody);
        Assert.True(message.Has(MimeWarningKind.InvalidBase64));
    }

    [Fact]
    public void Base64WithoutPaddingDecodesWithoutComplaint()
    {
        var message = TestMail.Read("Content-Transfer-Encoding: base64", "", "SGk");

        Assert.Equal("Hi", message.TextBody);
        Assert.Empty(message.Warnings);
    }

    [Fact]
    public void InvalidQuotedPrintableSequencesAreKeptLiterally()
    {
        var message = TestMail.Read("Content-Transfer-Encoding: quoted-printable", "", "a=ZZb=4 =3d=", "c=");

        Assert.Equal("a=ZZb=4 =c", message.TextBody);
    }

    [Fact]
    public void UnknownCharsetFallsBackToUtf8WhenTheBytesAreValidUtf8()
    {
        var message = new MimeReader().Read("Content-Type: text/plain; charset=x-made-up\r\n\r\nd\u00e9j\u00e0"u8.ToArray());

        Assert.Equal("déjà", message.TextBody);
        Assert.True(message.Has(MimeWarningKind.UnknownCharset));
    }

    [Fact]
    public void UnknownCharsetFallsBackToWindows1252WhenTheBytesAreNotUtf8()
    {
        var message = new MimeReader().Read([.. "Content-Type: text/plain; charset=x-made-up\r\n\r\nd"u8, 0xE9, (byte)'j', 0xE0, 0x80]);

        Assert.Equal("déjà€", message.TextBody);
        Assert.True(message.Has(MimeWarningKind.UnknownCharset));
    }

    [Fact]
    public void MalformedContentTypeIsReadAsPlainText()
    {
        var message = TestMail.Read("Content-Type: garbage", "", "text");

        Assert.Equal("text", message.TextBody);
        Assert.True(message.Has(MimeWarningKind.MalformedContentType));
    }

    [Fact]
    public void EveryTruncationOfARealMessageReadsWithoutThrowing()
    {
        var bytes = TestMail.FixtureBytes("03_mixed_pdf_rfc2047_subject.eml");
        var reader = new MimeReader();

        for (var length = 0; length <= bytes.Length; length++)
            Assert.NotNull(reader.Read(bytes.AsMemory(0, length)));
    }

    [Fact]
    public void RandomBytesAndMimeLikeNoiseReadWithoutThrowing()
    {
        var random = new Random(20260310);
        var alphabet = "=?-_:;\"<>()@,\r\n \tBQbq%*'0123456789ABCDEFabcdef/\\"u8.ToArray();
        var reader = new MimeReader();
        for (var round = 0; round < 500; round++)
        {
            var noise = new byte[random.Next(0, 600)];
            if (round % 2 == 0)
                random.NextBytes(noise);
            else
                for (var i = 0; i < noise.Length; i++)
                    noise[i] = alphabet[random.Next(alphabet.Length)];
            byte[] message = [.. "Content-Type: multipart/mixed; boundary=\"-\"\r\nSubject: "u8, .. noise, .. "\r\n\r\n---\r\n"u8, .. noise];

            Assert.NotNull(reader.Read(message));
        }
    }
}
