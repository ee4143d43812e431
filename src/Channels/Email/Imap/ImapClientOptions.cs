using System.Net.Security;

namespace ContactHub.Channels.Email.Imap;

/// <summary>How <see cref="ImapClient"/> connects and how long it waits.</summary>
public sealed class ImapClientOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 993;

    public ImapSecurity Security { get; set; } = ImapSecurity.ImplicitTls;

    /// <summary>Null validates the server certificate normally; tests set it to trust their self-signed certificate.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on every command from sending it to its tagged answer (IDLE's wait is bounded by its own argument).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public long MaxLiteralSize { get; set; } = ImapResponseReader.DefaultMaxLiteralSize;
}
