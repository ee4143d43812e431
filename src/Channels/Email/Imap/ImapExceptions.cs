namespace ContactHub.Channels.Email.Imap;

/// <summary>The server answered a command with NO or BAD; the connection stays usable.</summary>
public sealed class ImapCommandException(string command, ImapStatus status, string serverText)
    : Exception($"IMAP {command} failed: {status.ToString().ToUpperInvariant()} {serverText}")
{
    public string Command { get; } = command;

    public ImapStatus Status { get; } = status;

    /// <summary>The server's text (with its response code, if any), e.g. <c>[AUTHENTICATIONFAILED] Authentication failed.</c></summary>
    public string ServerText { get; } = serverText;
}

/// <summary>The server sent something that is not IMAP; the connection is closed because its state is unknown.</summary>
public sealed class ImapProtocolException(string message) : IOException(message);

/// <summary>A command got no complete answer within its timeout; the connection is closed because its state is unknown.</summary>
public sealed class ImapTimeoutException(string message) : IOException(message);
