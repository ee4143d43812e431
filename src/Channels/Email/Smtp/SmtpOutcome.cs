namespace ContactHub.Channels.Email.Smtp;

/// <summary>What the caller should do with a message after a send attempt.</summary>
public enum SmtpOutcome
{
    /// <summary>The server took the message (for at least one recipient); see the queue id.</summary>
    Accepted,

    /// <summary>A 4xx reply, a dropped connection or a timeout: try again later.</summary>
    TransientFailure,

    /// <summary>A 5xx reply about this message or its recipients: retrying the same message will not help.</summary>
    PermanentFailure,

    /// <summary>The account or server settings are wrong (bad credentials, untrusted certificate, no TLS, no AUTH):
    /// no message can be sent until an administrator fixes the configuration.</summary>
    ConfigurationError,
}
