namespace ContactHub.Channels.Email;

/// <summary>Bound from <c>Email:Smtp</c>: how replies leave, and the support address they come from.</summary>
public sealed class EmailSendOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public Smtp.SmtpSecurity Security { get; set; } = Smtp.SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The queue's address customers see and reply to, e.g. support@example.com.</summary>
    public string From { get; set; } = "";

    public string FromName { get; set; } = "Support";

    /// <summary>A PEM certificate to trust exactly (a private relay); empty = system trust.</summary>
    public string? TrustedCertificateFile { get; set; }

    public bool Enabled => Host.Length > 0 && From.Length > 0;
}
