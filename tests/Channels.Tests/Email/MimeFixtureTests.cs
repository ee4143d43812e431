using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

public class MimeFixtureTests
{
    [Fact]
    public void PlainAsciiMailGivesSenderSubjectDateAndBody()
    {
        var message = TestMail.Fixture("01_plain_ascii.eml");

        Assert.Equal([new MimeMailbox("Alice Walker", "alice.walker@example.com")], message.From);
        Assert.Equal([new MimeMailbox("Acme Support", "support@example.net")], message.To);
        Assert.Equal("Order A-4521 has not shipped", message.Subject);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 10, 12, 44, TimeSpan.FromHours(1)), message.Date);
        Assert.Equal("20260310091244.4F2A1C0150@mail.example.com", message.MessageId);
        Assert.StartsWith("Hello,\n\nI placed order A-4521 on 2 March", message.TextBody);
        Assert.Contains("\"label created\". Could you check", message.TextBody);
        Assert.Null(message.UnsafeHtmlBody);
        Assert.Empty(message.Attachments);
        Assert.Empty(message.Warnings);
    }

    [Fact]
    public void FoldedReceivedHeaderIsUnfoldedAndKeptInOrder()
    {
        var message = TestMail.Fixture("01_plain_ascii.eml");

        Assert.Equal("Return-Path", message.Headers[0].Name);
        Assert.Equal("Received", message.Headers[1].Name);
        Assert.DoesNotContain('\n', message.Headers[1].Value);
        Assert.Contains("by mx1.example.net (Postfix)", message.Headers[1].Value);
        Assert.EndsWith("09:12:47 +0000 (UTC)", message.Headers[1].Value);
    }

    [Fact]
    public void RawSourceIsKeptByteForByte()
    {
        var bytes = TestMail.FixtureBytes("03_mixed_pdf_rfc2047_subject.eml");

        var message = new MimeReader().Read(bytes);

        Assert.Equal(bytes, message.Raw.ToArray());
    }

    [Fact]
    public void QuotedPrintableLatin1AlternativeGivesDecodedTextAndHtml()
    {
        var message = TestMail.Fixture("02_alternative_qp_latin1.eml");

        Assert.Equal("Commande n°4521 non reçue", message.Subject);
        Assert.Equal([new MimeMailbox("Hélène Dupré", "helene.dupre@example.org")], message.From);
        Assert.Equal([new MimeMailbox("", "support@example.net")], message.To);
        Assert.Contains("Je n'ai toujours pas reçu ma commande n°4521 passée le 2 mars. Le suivi indique « en préparation » depuis une semaine.", message.TextBody);
        Assert.Contains("Pourriez-vous vérifier où elle en est ?", message.TextBody);
        Assert.EndsWith("Hélène Dupré\n", message.TextBody);
        Assert.False(message.TextBodyDerivedFromHtml);
        Assert.NotNull(message.UnsafeHtmlBody);
        Assert.Contains("<b>n°4521</b> passée", message.UnsafeHtmlBody);
        Assert.EndsWith("</body></html>\n", message.UnsafeHtmlBody);
        Assert.Empty(message.Attachments);
        Assert.Empty(message.Warnings);
    }

    [Fact]
    public void Rfc2047SubjectSplitOverTwoEncodedWordsIsJoinedWithoutTheFoldingBlank()
    {
        var message = TestMail.Fixture("03_mixed_pdf_rfc2047_subject.eml");

        Assert.Equal("Facture n°2026-0147 – paiement reçu ✅ merci pour votre commande", message.Subject);
        Assert.Equal([new MimeMailbox("Hélène Dupré", "helene.dupre@example.org")], message.To);
        Assert.Equal([new MimeMailbox("", "support@example.net")], message.Cc);
    }

    [Fact]
    public void MixedMailWithPdfGivesWindows1252TextUtf8HtmlAndTheDecodedPdf()
    {
        var message = TestMail.Fixture("03_mixed_pdf_rfc2047_subject.eml");

        Assert.Contains("la facture n°2026-0147 d’un montant de 149,90 €.", message.TextBody);
        Assert.Contains("Le paiement a bien été reçu – merci !", message.TextBody);
        Assert.Equal("<p>Bonjour Madame Dupré,</p>", message.UnsafeHtmlBody![..28]);
        var pdf = Assert.Single(message.Attachments);
        Assert.Equal("Facture n°2026-0147.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(MimeDisposition.Attachment, pdf.Disposition);
        Assert.Equal(613, pdf.Size);
        Assert.True(pdf.Content.Span.StartsWith("%PDF-1.4"u8));
        Assert.True(pdf.Content.Span.EndsWith("%%EOF\n"u8));
        Assert.Empty(message.Warnings);
    }

    [Fact]
    public void ReplyGivesThreadingHeadersWithoutAngleBrackets()
    {
        var message = TestMail.Fixture("04_reply_threading.eml");

        Assert.Equal("CAF4k9q-Z1xw8pZ0r5fUw0nEw3Zs7uVQ2Kq@mail.example.org", message.MessageId);
        Assert.Equal("tkt1042.r1.1773150122@helpdesk.example.net", message.InReplyTo);
        Assert.Equal(["1b7e0c2a-5d41-4e8f-9a63-0c4d2f9e1a77@example.org", "tkt1042.r1.1773150122@helpdesk.example.net"], message.References);
    }

    [Fact]
    public void ReplySubjectMixingPlainTextAndAnEncodedWordKeepsTheBlankBeforeIt()
    {
        var message = TestMail.Fixture("04_reply_threading.eml");

        Assert.Equal("Re: [#1042] Commande n°4521 non reçue", message.Subject);
    }

    [Fact]
    public void EightBitUtf8ReplyBodyIsDecoded()
    {
        var message = TestMail.Fixture("04_reply_threading.eml");

        Assert.StartsWith("Merci pour votre réponse rapide !\nLe colis est finalement arrivé ce matin, mais le carton est abîmé.", message.TextBody);
        Assert.Contains("> Acme Support – ticket [#1042]", message.TextBody);
        Assert.Null(message.AutoSubmitted);
        Assert.Empty(message.Warnings);
    }
}
