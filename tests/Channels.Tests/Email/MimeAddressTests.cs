using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

public class MimeAddressTests
{
    private static IReadOnlyList<MimeMailbox> To(string value) => TestMail.Read("To: " + value, "", "").To;

    [Fact]
    public void QuotedNameWithACommaIsOneMailbox() =>
        Assert.Equal([new MimeMailbox("Walker, Alice", "alice@example.com"), new MimeMailbox("", "bob@example.com")],
            To("\"Walker, Alice\" <alice@example.com>, bob@example.com"));

    [Fact]
    public void OldStyleCommentGivesTheDisplayName() =>
        Assert.Equal([new MimeMailbox("Bob Smith", "bob@example.com")], To("bob@example.com (Bob Smith)"));

    [Fact]
    public void CommentsAroundAnAngleAddressAreIgnored() =>
        Assert.Equal([new MimeMailbox("Alice", "alice@example.com")], To("Alice (sales) <alice@example.com> (work)"));

    [Fact]
    public void GroupMembersJoinTheListAndAnEmptyGroupAddsNothing() =>
        Assert.Equal(
            [new MimeMailbox("", "c@example.com"), new MimeMailbox("D", "d@example.com"), new MimeMailbox("", "e@example.com")],
            To("Team: c@example.com, \"D\" <d@example.com>;, undisclosed-recipients:;, e@example.com"));

    [Fact]
    public void EncodedWordsInANameAreDecodedEvenInsideQuotes() =>
        Assert.Equal(
            [new MimeMailbox("Hélène Dupré", "h@example.org"), new MimeMailbox("José", "j@example.org")],
            To("=?utf-8?Q?H=C3=A9l=C3=A8ne?= =?utf-8?Q?_Dupr=C3=A9?= <h@example.org>, \"=?iso-8859-1?Q?Jos=E9?=\" <j@example.org>"));

    [Fact]
    public void ToAndCcFromRepeatedHeadersAreAllRead()
    {
        var message = TestMail.Read("To: a@example.com", "To: b@example.com", "Cc: <c@example.com>", "", "");

        Assert.Equal(["a@example.com", "b@example.com"], message.To.Select(m => m.Address));
        Assert.Equal("c@example.com", Assert.Single(message.Cc).Address);
    }

    [Fact]
    public void NameWithoutAnAddressIsSkippedWithAWarning()
    {
        var message = TestMail.Read("To: Acme Support, real@example.com", "", "");

        Assert.Equal([new MimeMailbox("", "real@example.com")], message.To);
        Assert.True(message.Has(MimeWarningKind.MalformedAddress));
    }

    [Fact]
    public void ReplyToIsReadSeparatelyFromFrom()
    {
        var message = TestMail.Read("From: Shop <noreply@shop.example>", "Reply-To: Help <help@shop.example>", "", "");

        Assert.Equal("noreply@shop.example", Assert.Single(message.From).Address);
        Assert.Equal(new MimeMailbox("Help", "help@shop.example"), Assert.Single(message.ReplyTo));
    }
}
