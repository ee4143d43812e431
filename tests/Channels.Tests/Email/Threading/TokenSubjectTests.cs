using System.Text.RegularExpressions;
using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Email.Smtp;
using ContactHub.Channels.Email.Threading;

namespace ContactHub.Channels.Tests.Email.Threading;

public sealed class TokenSubjectTests
{
    private static readonly MimeMailbox Support = new("Acme Support", "support@example.net");

    [Theory]
    [InlineData("Printer broken", "Re: Printer broken")]
    [InlineData("Re: Printer broken", "Re: Printer broken")]
    [InlineData("RE: Re: AW: Printer broken", "Re: Printer broken")]
    [InlineData("Re[2]: Printer broken", "Re: Printer broken")]
    [InlineData("SV: Antw: Réf: Printer broken", "Re: Printer broken")]
    [InlineData("Fwd: Printer broken", "Re: Fwd: Printer broken")]
    [InlineData("", "Re: your message")]
    public void AReplySubjectHasOneReAndTheTokenAtTheEnd(string customerSubject, string expectedStart)
    {
        var token = ConversationTokenTests.Tokens.Issue(1234);

        Assert.Equal($"{expectedStart} {token.SubjectTag}", TokenSubject.Reply(customerSubject, token));
    }

    [Fact]
    public void ATokenOfAnotherConversationInTheCustomersSubjectIsReplacedNotStacked()
    {
        var tokens = ConversationTokenTests.Tokens;

        var subject = TokenSubject.Reply($"Re: Printer broken {tokens.Issue(7).SubjectTag}", tokens.Issue(8));

        Assert.Equal($"Re: Printer broken {tokens.Issue(8).SubjectTag}", subject);
    }

    [Fact]
    public void TheThirdReplyInAConversationStillCarriesOneReAndOneToken()
    {
        var token = ConversationTokenTests.Tokens.Issue(1234);
        var customerSubject = "Printer broken";
        MimeMessage ours = null!;
        for (var round = 0; round < 3; round++)
        {
            var draft = new ReplyDraft
            {
                From = Support,
                To = [new MimeMailbox("Ana", "ana@example.com")],
                Subject = TokenSubject.Reply(customerSubject, token),
                TextBody = $"Answer {round + 1}",
            };
            ours = new MimeReader().Read(new ReplyComposer().Compose(draft).Content);
            // The customer's client answers with its own prefix in front of our subject.
            customerSubject = (round % 2 == 0 ? "AW: " : "Re: ") + ours.Subject;
        }

        Assert.Equal($"Re: Printer broken {token.SubjectTag}", ours.Subject);
        Assert.Single(Regex.Matches(ours.Subject, @"\[#CH-"));
        Assert.Single(Regex.Matches(ours.Subject, "Re:", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void AReplyToAddressIsWrittenAndReadBack()
    {
        var token = ConversationTokenTests.Tokens.Issue(55);
        var replyTo = Support with { Address = PlusAddress.Tagged(Support.Address, token)! };
        var draft = new ReplyDraft { From = Support, To = [new MimeMailbox("", "ana@example.com")], Subject = "Hi", TextBody = "x", ReplyTo = replyTo };

        var read = new MimeReader().Read(new ReplyComposer().Compose(draft).Content);

        Assert.Equal([replyTo], read.ReplyTo);
        Assert.Equal([55L], ConversationTokenTests.Tokens.FoundIn(read with { To = read.ReplyTo }));
    }
}
