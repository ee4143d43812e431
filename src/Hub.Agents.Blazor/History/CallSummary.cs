using ContactHub.Agents.Blazor.Shared;
using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.History;

/// <summary>One call in words for the timeline: "Call completed · waited 1:34 · talked 3:07".</summary>
public static class CallSummary
{
    /// <summary>A call the agent placed (click-to-call): its status is the customer's leg.</summary>
    public static string DescribeOutbound(string status) => status switch
    {
        "pending" or "queued" => "Calling the customer…",
        "initiated" or "ringing" => "Ringing the customer",
        "in-progress" => "Call in progress",
        "completed" => "Call ended",
        "busy" => "Customer busy",
        "no-answer" => "No answer",
        "interrupted" => "Call may not have been placed",
        _ => "Call failed",
    };

    public static string Describe(CallRecord? call, string interactionStatus)
    {
        var status = call?.Status ?? interactionStatus;
        var parts = new List<string> { call?.Voicemail is { } voicemail ? VoicemailHeadline(status, voicemail) : Headline(status, call?.QueueResult) };
        if (call?.QueueSeconds is { } waited)
        {
            parts.Add("waited " + DurationText.Format(waited));
        }
        // A voicemail call's duration is the caller talking to the recorder, not to an agent.
        if (call?.TalkSeconds is { } talked && talked > 0 && call.Voicemail is null && call.QueueResult is not ("hangup" or "error" or "system-error" or "queue-full"))
        {
            parts.Add("talked " + DurationText.Format(talked));
        }
        return string.Join(" · ", parts);
    }

    private static string VoicemailHeadline(string status, string voicemail) => voicemail switch
    {
        VoicemailState.Left => "Caller left a voicemail",
        _ when CallStatus.IsFinal(status) => "Caller hung up without leaving a message",
        _ => "Caller sent to voicemail",
    };

    private static string Headline(string status, string? queueResult) => (status, queueResult) switch
    {
        (_, "hangup") => "Caller hung up while waiting",
        (_, "queue-full") => "Call refused: the queue was full",
        ("ringing" or "initiated" or "received", _) => "Incoming call",
        ("queued", _) => "Caller waiting in queue",
        ("in-progress", _) => "Call in progress",
        ("completed", _) => "Call ended",
        ("busy", _) => "Call not connected: busy",
        ("no-answer", _) => "Call not answered",
        ("failed", _) => "Call failed",
        ("canceled", _) => "Call canceled",
        _ => "Call",
    };
}
