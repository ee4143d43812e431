using ContactHub.Channels.Email;
using ContactHub.Core.Domain;

namespace ContactHub.Channels.Tests.Email;

public sealed class EmailInboundMapperTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AReplyAnswersItsInReplyToFirstAndThenItsReferencesNewestFirst()
    {
        var mapped = EmailInboundMapper.Map(TestMail.Fixture("04_reply_threading.eml"), Received);

        Assert.Equal(ChannelKind.Email, mapped.Channel);
        Assert.Equal("helene.dupre@example.org", mapped.SenderAddress);
        Assert.Equal("Hélène Dupré", mapped.SenderDisplayName);
        Assert.Equal("CAF4k9q-Z1xw8pZ0r5fUw0nEw3Zs7uVQ2Kq@mail.example.org", mapped.ExternalId);
        Assert.Equal("tkt1042.r1.1773150122@helpdesk.example.net", mapped.RepliesTo[0]);
        Assert.Equal(mapped.ExternalId, mapped.ThreadKey);
        Assert.StartsWith("Re: [#1042] Commande n°4521 non reçue\n\n", mapped.Text);
    }

    [Fact]
    public void AMailWithoutMessageIdGetsAStableIdFromItsSourceSoARefetchStillDedupes()
    {
        string[] lines = ["From: a@example.com", "Subject: hi", "", "no id here"];

        var first = EmailInboundMapper.Map(TestMail.Read(lines), Received);
        var again = EmailInboundMapper.Map(TestMail.Read(lines), Received);

        Assert.StartsWith("sha256:", first.ExternalId);
        Assert.Equal(first.ExternalId, again.ExternalId);
    }

    [Fact]
    public void TheSendersAddressIsTheIdentityWhateverItsCase()
    {
        var mapped = EmailInboundMapper.Map(TestMail.Read("From: \"Ana\" <Ana.Silva@Example.COM>", "Message-ID: <x@example.com>", "", "body"), Received);

        Assert.Equal("ana.silva@example.com", mapped.SenderAddress);
        Assert.Equal("body", mapped.Text);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated")]
    [InlineData("Precedence: bulk")]
    [InlineData("Precedence: list")]
    [InlineData("X-Autoreply: yes")]
    [InlineData("List-Id: <news.example.com>")]
    public void MachineSentMailIsMarkedSoNothingAnswersItAutomatically(string header)
    {
        var mapped = EmailInboundMapper.Map(TestMail.Read("From: robot@example.com", header, "Message-ID: <r@example.com>", "", "I am away"), Received);

        Assert.True(mapped.IsAutomated);
    }

    [Theory]
    [InlineData("Auto-Submitted: no")]
    [InlineData("Precedence: first-class")]
    public void PersonalMailIsNotMarkedAutomated(string header)
    {
        var mapped = EmailInboundMapper.Map(TestMail.Read("From: ana@example.com", header, "Message-ID: <p@example.com>", "", "hello"), Received);

        Assert.False(mapped.IsAutomated);
    }
}
