using System.Net.Security;

namespace ContactHub.Channels.Email.Smtp;

/// <summary>Where and how to submit mail. Bound from configuration; the password comes from secrets, never from code.</summary>
public sealed class SmtpClientOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Name for EHLO; a domain or address literal of this host.</summary>
    public string ClientName { get; set; } = "localhost";

    /// <summary>No AUTH when empty.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>"PLAIN" or "LOGIN" to insist on one; null picks PLAIN when offered, else LOGIN.</summary>
    public string? AuthMechanism { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on every command reply (greeting, EHLO, AUTH, MAIL, RCPT, DATA start, QUIT).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Bound on sending the message body and waiting for the final reply (RFC 5321 suggests 10 minutes).</summary>
    public TimeSpan DataTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Overrides certificate validation (e.g. to trust a test server's self-signed certificate). Null: the system's validation.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }
}
