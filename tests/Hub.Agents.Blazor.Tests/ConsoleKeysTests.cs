using ContactHub.Agents.Blazor.Shortcuts;
using Microsoft.AspNetCore.Components.Web;

namespace ContactHub.Agents.Blazor.Tests;

public class ConsoleKeysTests
{
    [Theory]
    [InlineData("a", ConsoleCommand.Accept)]
    [InlineData("d", ConsoleCommand.Decline)]
    [InlineData("t", ConsoleCommand.Transfer)]
    [InlineData("j", ConsoleCommand.Next)]
    [InlineData("k", ConsoleCommand.Previous)]
    [InlineData("Escape", ConsoleCommand.Close)]
    [InlineData("x", ConsoleCommand.None)]
    public void SingleKeysMapToTheirCommands(string key, ConsoleCommand command) =>
        Assert.Equal(command, ConsoleKeys.Map(new KeyboardEventArgs { Key = key }));

    [Fact]
    public void QuestionMarkOpensHelpEvenThoughItNeedsShift() =>
        Assert.Equal(ConsoleCommand.Help, ConsoleKeys.Map(new KeyboardEventArgs { Key = "?", ShiftKey = true }));

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void LettersWithModifiersStayTheBrowsers(bool ctrl, bool alt, bool shift) =>
        Assert.Equal(ConsoleCommand.None, ConsoleKeys.Map(new KeyboardEventArgs { Key = "a", CtrlKey = ctrl, AltKey = alt, ShiftKey = shift }));

    [Fact]
    public void AltArrowsMoveTheList() =>
        Assert.Equal(ConsoleCommand.Previous, ConsoleKeys.Map(new KeyboardEventArgs { Key = "ArrowUp", AltKey = true }));

    [Fact]
    public void EveryImplementedCommandIsDocumented()
    {
        var documented = string.Join(" ", ConsoleKeys.Documented.Select(s => s.Keys));
        foreach (var key in new[] { "A", "D", "J", "K", "T", "Ctrl+Enter", "Esc", "?" })
        {
            Assert.Contains(key, documented);
        }
    }
}
