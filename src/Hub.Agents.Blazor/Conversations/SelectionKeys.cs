using Microsoft.AspNetCore.Components.Web;

namespace ContactHub.Agents.Blazor.Conversations;

/// <summary>
/// Keys that move through the conversation list: Alt+Up/Alt+Down anywhere (they type nothing), and
/// j/k only outside the reply box, where they would be text.
/// </summary>
public static class SelectionKeys
{
    /// <summary>-1 for up, +1 for down, 0 when the key is not a navigation key.</summary>
    public static int Delta(KeyboardEventArgs key, bool inReplyBox)
    {
        if (key.CtrlKey || key.MetaKey)
        {
            return 0;
        }
        if (key.AltKey && !key.ShiftKey)
        {
            return key.Key switch
            {
                "ArrowUp" => -1,
                "ArrowDown" => 1,
                _ => 0,
            };
        }
        if (inReplyBox || key.AltKey || key.ShiftKey)
        {
            return 0;
        }
        return key.Key switch
        {
            "j" => 1,
            "k" => -1,
            _ => 0,
        };
    }
}
