namespace ContactHub.Channels.Email.Smtp;

/// <summary>Ends a session early; carries the result every message not yet sent gets.</summary>
internal sealed class SmtpFailure(SmtpSendResult result) : Exception(result.Text)
{
    public SmtpSendResult Result { get; } = result;

    public static SmtpFailure Transient(string text) => new(SmtpSendResult.Local(SmtpOutcome.TransientFailure, text));
    public static SmtpFailure Configuration(string text) => new(SmtpSendResult.Local(SmtpOutcome.ConfigurationError, text));
    public static SmtpFailure FromReply(SmtpReply reply, SmtpOutcome outcome) => new(SmtpSendResult.From(reply, outcome));
}
