namespace ContactHub.Channels.Email.Imap;

public enum ImapSecurity
{
    /// <summary>TLS from the first byte (port 993).</summary>
    ImplicitTls,

    /// <summary>Plain connection upgraded with STARTTLS before any credentials are sent (port 143); fails if not offered.</summary>
    StartTls,

    /// <summary>No encryption: only for loopback test servers.</summary>
    None,
}
