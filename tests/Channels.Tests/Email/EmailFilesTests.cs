using ContactHub.Channels.Email;
using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

/// <summary>An e-mail's parts become the files the hub stores; images the HTML shows by cid: are inline, not listed.</summary>
public sealed class EmailFilesTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static string[] RelatedMail(string html, params string[][] parts)
    {
        var lines = new List<string>
        {
            "From: ana@example.com", "Message-ID: <rel@example.com>", "MIME-Version: 1.0",
            "Content-Type: multipart/related; boundary=r", "",
            "--r", "Content-Type: text/html; charset=utf-8", "", html,
        };
        foreach (var part in parts)
        {
            lines.Add("--r");
            lines.AddRange(part);
        }
        lines.Add("--r--");
        return [.. lines];
    }

    private static string[] Part(string contentType, string contentId, string name) =>
        [$"Content-Type: {contentType}; name=\"{name}\"", $"Content-ID: <{contentId}>", "Content-Transfer-Encoding: base64", "", "iVBORw0KGgo="];

    [Fact]
    public void TheFixturesPdfIsMappedAsAnAttachedFileWithItsDecodedNameTypeAndBytes()
    {
        var mapped = EmailInboundMapper.Map(TestMail.Fixture("03_mixed_pdf_rfc2047_subject.eml"), Received);

        var pdf = Assert.Single(mapped.Files);
        Assert.Equal(("Facture n°2026-0147.pdf", "application/pdf", 613L, false), (pdf.FileName, pdf.ContentType, pdf.Size, pdf.IsInline));
        Assert.True(pdf.Content.Span.StartsWith("%PDF-1.4"u8));
        Assert.Null(pdf.OmittedSize);
        Assert.Empty(mapped.Attachments);
    }

    [Fact]
    public void AnImageTheHtmlShowsByCidIsInlineWhileAnUnreferencedImageStaysAnAttachment()
    {
        var message = TestMail.Read(RelatedMail("<p>Logo: <img src=\"cid:logo%40acme\"></p>",
            Part("image/png", "logo@acme", "logo.png"),
            Part("image/png", "unused@acme", "photo.png")));

        var files = EmailFiles.From(message);

        Assert.Equal([("logo.png", "logo@acme", true), ("photo.png", "unused@acme", false)], files.Select(f => (f.FileName, f.ContentId, f.IsInline)));
    }

    [Fact]
    public void AnSvgReferencedByCidIsNeverInlineBecauseItCanCarryScript()
    {
        var message = TestMail.Read(RelatedMail("<img src=\"cid:pic@acme\">", Part("image/svg+xml", "pic@acme", "pic.svg")));

        Assert.False(Assert.Single(EmailFiles.From(message)).IsInline);
    }

    [Fact]
    public void APartOverTheReadersLimitIsPassedOnWithItsSizeButNoBytes()
    {
        var message = TestMail.Read(new MimeReaderOptions { MaxAttachmentBytes = 5 }, RelatedMail("<p>hi</p>", Part("image/png", "big@acme", "big.png")));

        var file = Assert.Single(EmailFiles.From(message));
        Assert.Equal((8L, 0), (file.OmittedSize!.Value, file.Content.Length));
    }
}
