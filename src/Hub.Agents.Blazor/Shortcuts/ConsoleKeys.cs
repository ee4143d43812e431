using ContactHub.Agents.Blazor.Conversations;
using Microsoft.AspNetCore.Components.Web;

namespace ContactHub.Agents.Blazor.Shortcuts;

public enum ConsoleCommand
{
    None,
    Next,
    Previous,
    Accept,
    Decline,
    Transfer,
    Help,
    Close,
}

/// <summary>A documented shortcut, as the help popover lists it.</summary>
public sealed record Shortcut(string Keys, string Action);

/// <summary>
/// The console's single-key shortcuts. They only count outside text fields (where the letters are text);
/// with Ctrl/Cmd/Alt held they stay the browser's, except Alt+arrows which move the list from anywhere.
/// </summary>
public static class ConsoleKeys
{
    public static IReadOnlyList<Shortcut> Documented { get; } =
    [
        new("A", "Accept the offered conversation"),
        new("D", "Decline the offer"),
        new("J / K", "Next / previous conversation"),
        new("Alt+↓ / Alt+↑", "Next / previous conversation, also while typing"),
        new("T", "Transfer the open conversation"),
        new("Ctrl+Enter", "Send the reply"),
        new("Esc", "Close a dialog or this help"),
        new("?", "Show or hide this help"),
    ];

    public static ConsoleCommand Map(KeyboardEventArgs key)
    {
        var delta = SelectionKeys.Delta(key, inReplyBox: false);
        if (delta != 0)
        {
            return delta > 0 ? ConsoleCommand.Next : ConsoleCommand.Previous;
        }
        if (key.Key == "Escape")
        {
            return ConsoleCommand.Close;
        }
        if (key.CtrlKey || key.MetaKey || key.AltKey)
        {
            return ConsoleCommand.None;
        }
        // "?" is Shift+/ on most layouts, so Shift is allowed for it and only for it.
        if (key.Key == "?")
        {
            return ConsoleCommand.Help;
        }
        if (key.ShiftKey)
        {
            return ConsoleCommand.None;
        }
        return key.Key switch
        {
            "a" => ConsoleCommand.Accept,
            "d" => ConsoleCommand.Decline,
            "t" => ConsoleCommand.Transfer,
            _ => ConsoleCommand.None,
        };
    }
}
