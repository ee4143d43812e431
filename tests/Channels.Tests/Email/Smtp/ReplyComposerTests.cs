using System.Text;
using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Email.Smtp;

namespace ContactHub.Channels.Tests.Email.Smtp;

public class ReplyComposerTests
{
    private static readonly MimeMailbox Queue = new("Acme Support", "support@example.net");

    private static ReplyDraft Draft(string subject = "Question", string text = "Hello") => new()
    {
        From = Queue,
        To = [new MimeMailbox("Alice", "alice@example.com")],
        Subject = subject,
        TextBody = text,
    };

    private static MimeMessage Read(ComposedMessage composed) => new MimeReader().Read(composed.Content);

    [Fact]
    public void ReplyToFixtureFourThreadsUnderTheCustomersMessage()
    {
        var customer = TestMail.Fixture("04_reply_threading.eml");

        var composed = new ReplyComposer().Compose(ReplyDraft.Answering(customer, Queue, "Merci, nous renvoyons un colis."));
        var reply = Read(composed);

        Assert.Equal("CAF4k9q-Z1xw8pZ0r5fUw0nEw3Zs7uVQ2Kq@mail.example.org", reply.InReplyTo);
        Assert.Equal(
            ["1b7e0c2a-5d41-4e8f-9a63-0c4d2f9e1a77@example.org", "tkt1042.r1.1773150122@helpdesk.example.net", "CAF4k9q-Z1xw8pZ0r5fUw0nEw3Zs7uVQ2Kq@mail.example.org"],
            reply.References);
        Assert.Equal(composed.MessageId, reply.MessageId);
        Assert.EndsWith("@example.net", composed.MessageId);
        Assert.Equal([new MimeMailbox("Hélène Dupré", "helene.dupre@example.org")], reply.To);
        Assert.Equal([Queue], reply.From);
        Assert.Equal(customer.Subject, reply.Subject);
        Assert.Contains("\r\nSubject: Re: [#1042] Commande =?UTF-8?", Encoding.ASCII.GetString(composed.Content));
        // A single-part body ends with the message's final CRLF, which the reader keeps.
        Assert.Equal("Merci, nous renvoyons un colis.\n", reply.TextBody);
        Assert.Empty(reply.Warnings);
    }

    [Fact]
    public void EveryReplyGetsANewMessageId()
    {
        var composer = new ReplyComposer();

        Assert.NotEqual(composer.Compose(Draft()).MessageId, composer.Compose(Draft()).MessageId);
    }

    [Theory]
    [InlineData("Order late", "Re: Order late")]
    [InlineData("Re: Order late", "Re: Order late")]
    [InlineData("RE: Order late", "RE: Order late")]
    [InlineData("re:Order late", "re:Order late")]
    [InlineData("Re[2]: Order late", "Re[2]: Order late")]
    [InlineData("Regarding order", "Re: Regarding order")]
    public void ReIsAddedOnceAndNeverDoubled(string original, string expected)
    {
        Assert.Equal(expected, Read(new ReplyComposer().Compose(Draft(original))).Subject);
    }

    [Theory]
    [InlineData("Commande n°4521 non reçue")]
    [InlineData("Заказ 4521 не получен, пожалуйста помогите как можно скорее")]
    [InlineData("注文が届きません 😞 emoji and a very long tail that needs several encoded words to fit in 75 characters")]
    [InlineData("Looks like =?UTF-8?Q?an_encoded_word?= but is plain text")]
    public void NonAsciiSubjectIsEncodedAndRoundTripsThroughTheReader(string subject)
    {
        var composed = new ReplyComposer().Compose(Draft(subject));

        Assert.Equal("Re: " + subject, Read(composed).Subject);
        Assert.True(Ascii.IsValid(composed.Content));
    }

    [Fact]
    public void NonAsciiAndSpecialDisplayNamesRoundTrip()
    {
        var draft = Draft() with
        {
            From = new MimeMailbox("Équipe Support — Acme", "support@example.net"),
            To = [new MimeMailbox("Dupré, Hélène", "helene@example.org"), new MimeMailbox("O'Brien \"Bob\", Jr.", "bob@example.org")],
            Cc = [new MimeMailbox("", "cc@example.org")],
        };

        var reply = Read(new ReplyComposer().Compose(draft));

        Assert.Equal([draft.From], reply.From);
        Assert.Equal(draft.To, reply.To);
        Assert.Equal(draft.Cc, reply.Cc);
    }

    [Theory]
    [InlineData("Hello\r\nBcc: victim@example.org")]
    [InlineData("Hello\nX-Injected: 1")]
    [InlineData("Hello\rX-Injected: 1")]
    public void HeaderInjectionThroughAnyHeaderInputIsRejected(string hostile)
    {
        var composer = new ReplyComposer();

        Assert.Throws<ArgumentException>(() => composer.Compose(Draft(hostile)));
        Assert.Throws<ArgumentException>(() => composer.Compose(Draft() with { To = [new MimeMailbox(hostile, "a@example.org")] }));
        Assert.Throws<ArgumentException>(() => composer.Compose(Draft() with { To = [new MimeMailbox("", "a@example.org\r\nBcc: x@y.z")] }));
        Assert.Throws<ArgumentException>(() => composer.Compose(Draft() with { InReplyTo = "id@x\r\nBcc: x@y.z" }));
        Assert.Throws<ArgumentException>(() => composer.Compose(Draft() with { References = ["id@x\nBcc: x@y.z"] }));
        Assert.Throws<ArgumentException>(() => composer.Compose(Draft() with { Attachments = [new ReplyAttachment(hostile, "text/plain", new byte[1])] }));
        Assert.Throws<ArgumentException>(() => composer.Compose(Draft() with { Attachments = [new ReplyAttachment("a.txt", "text/plain\r\nX: 1", new byte[1])] }));
    }

    [Fact]
    public void LinesStayWithin998OctetsAndEndInCrlf()
    {
        var longWord = new string('x', 3000);
        var draft = Draft($"Subject {longWord}", $"{longWord}\n{new string('é', 2000)}\nshort") with
        {
            HtmlBody = $"<p>{longWord}</p>",
            References = Enumerable.Range(0, 200).Select(i => $"ref{i}.{new string('r', 60)}@example.org").ToList(),
            InReplyTo = "last@example.org",
            Attachments = [new ReplyAttachment(new string('n', 300) + ".bin", "application/octet-stream", new byte[5000])],
        };

        var composed = new ReplyComposer().Compose(draft);
        var text = Encoding.ASCII.GetString(composed.Content);

        Assert.DoesNotContain("\r\r", text);
        Assert.Equal(text.Split("\r\n").Length, text.Split('\n').Length);
        Assert.All(text.Split("\r\n"), line => Assert.True(line.Length <= 998, $"line of {line.Length}"));
        var reply = Read(composed);
        Assert.Equal(draft.TextBody, reply.TextBody.TrimEnd('\n'));
        Assert.Equal("Re: " + draft.Subject, reply.Subject);
        Assert.Equal(ReplyComposer.MaxReferences, reply.References.Count);
        Assert.Equal("ref0." + new string('r', 60) + "@example.org", reply.References[0]);
        Assert.Equal("last@example.org", reply.References[^1]);
    }

    [Fact]
    public void HtmlGivesMultipartAlternativeWithBothBodies()
    {
        var composed = new ReplyComposer().Compose(Draft(text: "Bonjour Hélène") with { HtmlBody = "<p>Bonjour <b>Hélène</b></p>" });

        var reply = Read(composed);

        Assert.Contains("multipart/alternative", Encoding.ASCII.GetString(composed.Content));
        Assert.Equal("Bonjour Hélène", reply.TextBody);
        Assert.Equal("<p>Bonjour <b>Hélène</b></p>", reply.UnsafeHtmlBody);
    }

    [Fact]
    public void AttachmentsWithNonAsciiNamesRoundTripThroughRfc2231()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 fake");
        var photo = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var longName = "Reçu de livraison — commande n°4521 — photos du carton abîmé, prises le 11 mars.pdf";
        var draft = Draft() with
        {
            HtmlBody = "<p>Hi</p>",
            Attachments = [new ReplyAttachment(longName, "application/pdf", pdf), new ReplyAttachment("carton.jpg", "image/jpeg", photo)],
        };

        var composed = new ReplyComposer().Compose(draft);
        var reply = Read(composed);

        Assert.Contains("filename*0*=utf-8''", Encoding.ASCII.GetString(composed.Content));
        Assert.Equal(2, reply.Attachments.Count);
        Assert.Equal(longName, reply.Attachments[0].FileName);
        Assert.Equal("application/pdf", reply.Attachments[0].ContentType);
        Assert.Equal(pdf, reply.Attachments[0].Content.ToArray());
        Assert.Equal("carton.jpg", reply.Attachments[1].FileName);
        Assert.Equal(photo, reply.Attachments[1].Content.ToArray());
        Assert.Equal("Hello", reply.TextBody);
    }

    [Fact]
    public void AutomaticRepliesAreMarkedAutoSubmittedAndAgentRepliesAreNot()
    {
        Assert.Equal("auto-replied", Read(new ReplyComposer().Compose(Draft() with { IsAutomatic = true })).AutoSubmitted);
        Assert.Null(Read(new ReplyComposer().Compose(Draft())).AutoSubmitted);
    }

    [Fact]
    public void QuotedPrintableBodyKeepsTrailingSpacesDotsAndEqualsSigns()
    {
        var text = "a = b  \n.leading dot\n.\nFrom here\ttab\t\nend";

        Assert.Equal(text + "\n", Read(new ReplyComposer().Compose(Draft(text: text))).TextBody);
    }

    [Fact]
    public void DateAndMimeVersionArePresent()
    {
        var reply = Read(new ReplyComposer().Compose(Draft()));

        Assert.NotNull(reply.Date);
        Assert.True((DateTimeOffset.UtcNow - reply.Date!.Value).Duration() < TimeSpan.FromMinutes(1));
        Assert.Equal("1.0", reply.Headers.Find("MIME-Version")?.Value);
    }
}
