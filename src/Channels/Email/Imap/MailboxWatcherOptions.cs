using System.Net.Security;

namespace ContactHub.Channels.Email.Imap;

public enum ImapAuthentication
{
    /// <summary>AUTHENTICATE PLAIN when the server offers AUTH=PLAIN, else LOGIN.</summary>
    Auto,
    Plain,
    Login,
}

/// <summary>One watched mailbox folder.</summary>
public sealed class MailboxWatcherOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 993;

    public ImapSecurity Security { get; set; } = ImapSecurity.ImplicitTls;

    /// <summary>Null validates the server certificate normally.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public ImapAuthentication Authentication { get; set; } = ImapAuthentication.Auto;

    public string Folder { get; set; } = "INBOX";

    /// <summary>Flag or keyword added to each message once handed over (e.g. <c>\Seen</c>); null or empty adds none.</summary>
    public string? ProcessedKeyword { get; set; } = "$ContactHubProcessed";

    /// <summary>Wait with IDLE when the server offers it; otherwise (or when false) poll every <see cref="PollInterval"/>.</summary>
    public bool UseIdle { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>IDLE is re-issued after this long: servers may drop an idler after 30 minutes (RFC 2177).</summary>
    public TimeSpan IdleRestartInterval { get; set; } = TimeSpan.FromMinutes(25);

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The checkpoint key: one per server, user and folder.</summary>
    public string MailboxKey => $"imap://{UserName}@{Host}:{Port}/{Folder}";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host) || Port is <= 0 or > 65535 || string.IsNullOrEmpty(UserName) || string.IsNullOrEmpty(Folder))
        {
            throw new ArgumentException("IMAP host, port, user name and folder are required.");
        }

        if (!string.IsNullOrEmpty(ProcessedKeyword) && !ImapClient.IsValidFlag(ProcessedKeyword))
        {
            throw new ArgumentException($"'{ProcessedKeyword}' is not a valid IMAP flag or keyword.");
        }

        if (IdleRestartInterval >= TimeSpan.FromMinutes(29) || IdleRestartInterval <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("IdleRestartInterval must be positive and under 29 minutes; PollInterval positive.");
        }
    }
}
