using ContactHub.Agents.Blazor.Reply;
using Microsoft.AspNetCore.Components.Web;

namespace ContactHub.Agents.Blazor.Tests;

public class ReplyDraftTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void ABlankReplyCannotBeSent(string text) => Assert.False(new ReplyDraft { Text = text }.CanSend);

    [Fact]
    public void AReplyAtTheLimitCanBeSentAndOneCharacterMoreCannot()
    {
        Assert.True(new ReplyDraft { Text = new string('a', 1600) }.CanSend);
        Assert.False(new ReplyDraft { Text = new string('a', 1601) }.CanSend);
    }

    [Fact]
    public void TheCounterShowsUsedAgainstTheLimit() => Assert.Equal("5 / 1600", new ReplyDraft { Text = "hello" }.Counter);

    [Fact]
    public void AnSmsCounterAddsTheSegmentsTheCustomerIsBilledFor()
    {
        Assert.Equal("5 / 1600 · 1 SMS", new ReplyDraft { Text = "hello" }.CounterFor(ContactHub.Core.Domain.ChannelKind.Sms));
        Assert.Equal("161 / 1600 · 2 SMS segments", new ReplyDraft { Text = new string('a', 161) }.CounterFor(ContactHub.Core.Domain.ChannelKind.Sms));
        Assert.Equal("71 / 1600 · 2 SMS segments", new ReplyDraft { Text = "😞" + new string('a', 69) }.CounterFor(ContactHub.Core.Domain.ChannelKind.Sms));
    }

    [Fact]
    public void OtherChannelsCountCharactersOnlyAgainstTheirOwnLimit()
    {
        var email = new ReplyDraft { Text = "hello", MaxLength = ContactHub.Core.Outbound.ReplyLimits.MaxLength(ContactHub.Core.Domain.ChannelKind.Email) };
        var chat = new ReplyDraft { Text = "hello", MaxLength = ContactHub.Core.Outbound.ReplyLimits.MaxLength(ContactHub.Core.Domain.ChannelKind.Telegram) };

        Assert.Equal("5 / 50000", email.CounterFor(ContactHub.Core.Domain.ChannelKind.Email));
        Assert.Equal("5 / 4096", chat.CounterFor(ContactHub.Core.Domain.ChannelKind.Telegram));
    }

    [Fact]
    public void AnEmailMayBeALetterWhereAnSmsMayNot()
    {
        var text = new string('a', 5000);

        Assert.True(new ReplyDraft { Text = text, MaxLength = ContactHub.Core.Outbound.ReplyLimits.MaxLength(ContactHub.Core.Domain.ChannelKind.Email) }.CanSend);
        Assert.False(new ReplyDraft { Text = text, MaxLength = ContactHub.Core.Outbound.ReplyLimits.MaxLength(ContactHub.Core.Domain.ChannelKind.Sms) }.CanSend);
    }

    [Fact]
    public void TheCounterWarnsInTheLastTenthOfTheLimit()
    {
        Assert.False(new ReplyDraft { Text = new string('a', 1439) }.IsNearLimit);
        Assert.True(new ReplyDraft { Text = new string('a', 1440) }.IsNearLimit);
    }

    [Fact]
    public void CtrlEnterSendsAndPlainEnterIsANewLine()
    {
        Assert.True(ReplyDraft.IsSendKey(new KeyboardEventArgs { Key = "Enter", CtrlKey = true }));
        Assert.True(ReplyDraft.IsSendKey(new KeyboardEventArgs { Key = "Enter", MetaKey = true }));
        Assert.False(ReplyDraft.IsSendKey(new KeyboardEventArgs { Key = "Enter" }));
        Assert.False(ReplyDraft.IsSendKey(new KeyboardEventArgs { Key = "Enter", CtrlKey = true, ShiftKey = true }));
    }
}
