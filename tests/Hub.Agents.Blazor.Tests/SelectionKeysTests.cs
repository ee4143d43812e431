using ContactHub.Agents.Blazor.Conversations;
using Microsoft.AspNetCore.Components.Web;

namespace ContactHub.Agents.Blazor.Tests;

public class SelectionKeysTests
{
    [Theory]
    [InlineData("j", 1)]
    [InlineData("k", -1)]
    [InlineData("x", 0)]
    public void JAndKMoveOutsideTheReplyBox(string key, int delta) =>
        Assert.Equal(delta, SelectionKeys.Delta(new KeyboardEventArgs { Key = key }, inReplyBox: false));

    [Fact]
    public void JAndKAreTextInsideTheReplyBox() =>
        Assert.Equal(0, SelectionKeys.Delta(new KeyboardEventArgs { Key = "j" }, inReplyBox: true));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AltArrowsMoveEverywhere(bool inReplyBox)
    {
        Assert.Equal(-1, SelectionKeys.Delta(new KeyboardEventArgs { Key = "ArrowUp", AltKey = true }, inReplyBox));
        Assert.Equal(1, SelectionKeys.Delta(new KeyboardEventArgs { Key = "ArrowDown", AltKey = true }, inReplyBox));
    }

    [Fact]
    public void PlainArrowsAndShortcutsWithCtrlAreLeftToTheBrowser()
    {
        Assert.Equal(0, SelectionKeys.Delta(new KeyboardEventArgs { Key = "ArrowDown" }, inReplyBox: false));
        Assert.Equal(0, SelectionKeys.Delta(new KeyboardEventArgs { Key = "j", CtrlKey = true }, inReplyBox: false));
        Assert.Equal(0, SelectionKeys.Delta(new KeyboardEventArgs { Key = "J", ShiftKey = true }, inReplyBox: false));
    }
}
