namespace ContactHub.Channels.Email.Smtp;

/// <summary>How the connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connect, then STARTTLS; refuses to go on (configuration error) when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (submissions port 465).</summary>
    ImplicitTls,

    /// <summary>No TLS at all. Only for loopback test servers; credentials are never sent over it.</summary>
    None,
}
