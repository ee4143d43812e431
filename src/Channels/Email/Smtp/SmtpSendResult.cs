namespace ContactHub.Channels.Email.Smtp;

/// <summary>A recipient the server refused while the message itself may still have been accepted for others.</summary>
public sealed record SmtpRecipientFailure(string Address, SmtpOutcome Outcome, int Code, string? EnhancedStatus, string Text);

/// <summary>The result of submitting one message.</summary>
/// <param name="Outcome">Accepted, or how it failed.</param>
/// <param name="Code">The deciding reply code; 0 when there was no reply (connection, TLS or timeout).</param>
/// <param name="EnhancedStatus">RFC 3463 code such as "5.1.1" when the server gave one.</param>
/// <param name="Text">The server's reply text (for an accepted message this holds its queue id, e.g. "2.0.0 Ok: queued as 4Ab3") or a description of the local error.</param>
/// <param name="RejectedRecipients">Recipients refused at RCPT TO, also when others were accepted.</param>
public sealed record SmtpSendResult(
    SmtpOutcome Outcome,
    int Code,
    string? EnhancedStatus,
    string Text,
    IReadOnlyList<SmtpRecipientFailure> RejectedRecipients)
{
    public bool Accepted => Outcome == SmtpOutcome.Accepted;

    /// <summary>True when sending the same message again later may succeed.</summary>
    public bool ShouldRetry => Outcome == SmtpOutcome.TransientFailure;

    /// <summary>The server's queue id text for an accepted message: what follows "queued as", else the whole reply text.</summary>
    public string? QueueId
    {
        get
        {
            if (!Accepted)
                return null;
            const string marker = "queued as ";
            var at = Text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            return at < 0 ? Text : Text[(at + marker.Length)..].Trim();
        }
    }

    internal static SmtpSendResult From(SmtpReply reply, SmtpOutcome outcome, IReadOnlyList<SmtpRecipientFailure>? rejected = null) =>
        new(outcome, reply.Code, reply.EnhancedStatus, reply.Text, rejected ?? []);

    internal static SmtpSendResult Local(SmtpOutcome outcome, string text, IReadOnlyList<SmtpRecipientFailure>? rejected = null) =>
        new(outcome, 0, null, text, rejected ?? []);
}
