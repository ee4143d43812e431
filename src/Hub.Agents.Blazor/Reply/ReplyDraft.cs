using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using Microsoft.AspNetCore.Components.Web;

namespace ContactHub.Agents.Blazor.Reply;

/// <summary>The reply being typed: whether it can be sent and what the counter says.</summary>
public sealed class ReplyDraft
{
    /// <summary>The channel's limit (<see cref="ReplyLimits"/>: one long SMS is 10 segments of 160).</summary>
    public int MaxLength { get; init; } = ReplyLimits.Sms;

    public string Text { get; set; } = "";

    /// <summary>Files picked for this reply (e-mail, SMS pictures, Telegram), already checked against the reply file policy.</summary>
    public List<FileContent> Files { get; } = [];

    public long FileBytes => Files.Sum(f => f.Size);

    public int Length => Text.Length;

    public bool IsOverLimit => Length > MaxLength;

    /// <summary>Blank replies are never sent: a customer should not receive an empty message.</summary>
    public bool CanSend => !string.IsNullOrWhiteSpace(Text) && !IsOverLimit;

    public string Counter => $"{Length} / {MaxLength}";

    /// <summary>SMS adds the segment count: a long or emoji-bearing text is billed several times.</summary>
    public string CounterFor(ChannelKind channel)
    {
        if (channel != ChannelKind.Sms || Length == 0)
        {
            return Counter;
        }
        var segments = SmsSegments.Count(Text);
        return $"{Counter} · {segments} SMS{(segments == 1 ? "" : " segments")}";
    }

    /// <summary>The counter turns to a warning in the last 10 %, before the hard stop.</summary>
    public bool IsNearLimit => Length >= MaxLength * 9 / 10;

    /// <summary>Ctrl+Enter (Cmd+Enter on a Mac) sends; plain Enter is a new line, as in e-mail.</summary>
    public static bool IsSendKey(KeyboardEventArgs key) =>
        key.Key == "Enter" && (key.CtrlKey || key.MetaKey) && !key.AltKey && !key.ShiftKey;
}
