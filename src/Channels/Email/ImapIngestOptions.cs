namespace ContactHub.Channels.Email;

/// <summary>Bound from <c>Email:Imap</c>: the mailbox customers write to. No host = no e-mail ingest.</summary>
public sealed class ImapIngestOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    public Imap.ImapSecurity Security { get; set; } = Imap.ImapSecurity.ImplicitTls;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
    public string? ProcessedKeyword { get; set; } = "$ContactHubProcessed";
    public bool UseIdle { get; set; } = true;
    public int PollSeconds { get; set; } = 60;

    /// <summary>A PEM certificate to trust exactly (a private mail server with its own certificate); empty = system trust.</summary>
    public string? TrustedCertificateFile { get; set; }

    public bool Enabled => Host.Length > 0;
}
