namespace ContactHub.Channels.Email.Smtp;

/// <summary>One message to submit: the envelope and the RFC 5322 bytes (as built by <see cref="ReplyComposer"/>).</summary>
/// <param name="Sender">The envelope sender (MAIL FROM); empty for a null reverse-path.</param>
/// <param name="Recipients">Envelope recipients (RCPT TO), at least one.</param>
/// <param name="Content">The message; line ends may be LF or CRLF, dots need no stuffing: the client does both.</param>
public sealed record SmtpMessage(string Sender, IReadOnlyList<string> Recipients, ReadOnlyMemory<byte> Content);
