using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

public class MimeEncodedWordTests
{
    private static MimeMessage WithSubject(string subject) => TestMail.Read("Subject: " + subject, "", "body");

    [Fact]
    public void QEncodedWordTurnsUnderscoresIntoBlanks() =>
        Assert.Equal("Hello world €", WithSubject("=?utf-8?q?Hello_world_=E2=82=AC?=").Subject);

    [Fact]
    public void Iso88591WordIsReadAsWindows1252SoTheEuroSignSurvives() =>
        Assert.Equal("Prix: 10 € – “soldes”", WithSubject("=?ISO-8859-1?Q?Prix:_10_=80_=96_=93soldes=94?=").Subject);

    [Fact]
    public void OtherCodePagesDecodeThroughTheCodePagesProvider()
    {
        Assert.Equal("Привет", WithSubject("=?koi8-r?B?8NLJ18XU?=").Subject);
        Assert.Equal("Zażółć", WithSubject("=?iso-8859-2?Q?Za=BF=F3=B3=E6?=").Subject);
    }

    [Fact]
    public void BlankBetweenAnEncodedWordAndPlainTextIsKept() =>
        Assert.Equal("Re: café ok", WithSubject("Re: =?utf-8?Q?caf=C3=A9?= ok").Subject);

    [Fact]
    public void MultiByteCharacterSplitAcrossTwoWordsIsJoinedBeforeDecoding() =>
        Assert.Equal("café ok", WithSubject("=?utf-8?B?Y2Fmww==?=\r\n =?utf-8?B?qSBvaw==?=").Subject);

    [Fact]
    public void MalformedEncodedWordsAreLeftAsWritten()
    {
        Assert.Equal("=?utf-8?X?abc?= tail", WithSubject("=?utf-8?X?abc?= tail").Subject);
        Assert.Equal("=?utf-8?Q?never closed", WithSubject("=?utf-8?Q?never closed").Subject);
        Assert.Equal("=??Q?x?=", WithSubject("=??Q?x?=").Subject);
    }

    [Fact]
    public void EncodedWordInAnUnknownCharsetFallsBackWithAWarning()
    {
        var message = WithSubject("=?x-unheard-of?Q?caf=C3=A9?=");

        Assert.Equal("café", message.Subject);
        Assert.True(message.Has(MimeWarningKind.UnknownCharset));
    }

    [Fact]
    public void RawUtf8InAHeaderIsReadAsUtf8AndRawLatin1AsWindows1252()
    {
        var utf8 = new MimeReader().Read("Subject: Grüße\r\n\r\n"u8.ToArray());
        var latin1 = new MimeReader().Read([.. "Subject: Gr"u8, 0xFC, 0xDF, .. "e\r\n\r\n"u8]);

        Assert.Equal("Grüße", utf8.Subject);
        Assert.Equal("Grüße", latin1.Subject);
    }
}
