using System.Text;
using ContactHub.Channels.Email;
using ContactHub.Channels.Email.Threading;

namespace ContactHub.Channels.Tests.Email.Threading;

public sealed class ConversationTokenTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static ConversationTokens Tokens { get; } = new(Encoding.UTF8.GetBytes("test-key-0123456789abcdef-0123456789"));

    private static IReadOnlyList<long> Found(params string[] headers) =>
        Tokens.FoundIn(TestMail.Read([.. headers, "From: ana@example.com", "Message-ID: <a@example.com>", "", "body"]));

    [Fact]
    public void ATokenLooksLikeAnIdAndAShortSignatureAndIsTheSameEveryTime()
    {
        var token = Tokens.Issue(1234);

        Assert.Matches(@"^\[#CH-1234-[a-z2-7]{8}\]$", token.SubjectTag);
        Assert.Equal(token, Tokens.Issue(1234));
        Assert.NotEqual(token.Signature, Tokens.Issue(1235).Signature);
        Assert.Equal($"ch1234-{token.Signature}", token.PlusTag);
    }

    [Fact]
    public void TheSubjectsTokenNamesItsConversationWhateverTheCase()
    {
        var tag = Tokens.Issue(42).SubjectTag;

        Assert.Equal([42L], Found($"Subject: Re: Printer broken {tag}"));
        Assert.Equal([42L], Found($"Subject: AW: Printer broken {tag.ToUpperInvariant()}"));
    }

    [Theory]
    [InlineData("To")]
    [InlineData("Cc")]
    [InlineData("Delivered-To")]
    public void APlusAddressAmongTheRecipientsNamesItsConversation(string header)
    {
        var address = PlusAddress.Tagged("support@example.net", Tokens.Issue(77))!;

        // Delivered-To holds a bare address; To and Cc hold mailboxes with a display name.
        var line = header == "Delivered-To" ? $"{header}: {address}" : $"{header}: Support <{address}>";

        Assert.Equal([77L], Found(line, "Subject: Hello"));
    }

    [Fact]
    public void TheSubjectComesBeforeAPlusAddress()
    {
        var address = PlusAddress.Tagged("support@example.net", Tokens.Issue(5))!;

        Assert.Equal([9L, 5L], Found($"To: {address}", $"Subject: Re: two tokens {Tokens.Issue(9).SubjectTag}"));
    }

    [Theory]
    [InlineData("[#CH-42-aaaaaaaa]")]
    [InlineData("[#CH-43-{sig42}]")]
    [InlineData("[#CH-42-{sig42}x]")]
    [InlineData("[#CH-42]")]
    public void ATamperedOrBareTokenIsIgnored(string tag)
    {
        var forged = tag.Replace("{sig42}", Tokens.Issue(42).Signature, StringComparison.Ordinal);

        Assert.Empty(Found($"Subject: Re: hello {forged}", $"To: support+{forged.Trim('[', ']', '#').ToLowerInvariant()}@example.net"));
    }

    [Fact]
    public void ATokenSignedWithAnotherKeyIsIgnored()
    {
        var otherHub = new ConversationTokens(Encoding.UTF8.GetBytes("another-key-0123456789abcdef-012345"));

        Assert.Empty(Found($"Subject: Re: hello {otherHub.Issue(42).SubjectTag}"));
    }

    [Fact]
    public void TheMapperHandsOnVerifiedTokensOnlyWhenItIsGivenTheKey()
    {
        var mail = TestMail.Read("From: ana@example.com", "Message-ID: <m@example.com>", $"Subject: Re: Printer {Tokens.Issue(8).SubjectTag}", "", "still broken");

        Assert.Equal([8L], EmailInboundMapper.Map(mail, Received, Tokens).TokenConversations);
        Assert.Empty(EmailInboundMapper.Map(mail, Received).TokenConversations);
    }

    [Theory]
    [InlineData("support@example.net", "support+ch3-{sig}@example.net")]
    [InlineData("first.last@example.net", "first.last+ch3-{sig}@example.net")]
    [InlineData("support+de@example.net", null)]
    [InlineData("\"support team\"@example.net", null)]
    public void AReplyToPlusAddressIsMadeOnlyWhenTheAddressCanTakeOne(string from, string? expected)
    {
        var token = Tokens.Issue(3);

        Assert.Equal(expected?.Replace("{sig}", token.Signature, StringComparison.Ordinal), PlusAddress.Tagged(from, token));
    }

    [Fact]
    public void APlusAddressThatWouldPassTheLocalPartLimitIsNotMade()
    {
        Assert.Null(PlusAddress.Tagged(new string('s', 50) + "@example.net", Tokens.Issue(123456789)));
    }
}
