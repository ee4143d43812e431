namespace ContactHub.StandIns.Simulator.Email;

/// <summary>Bound from <c>StandIn:Simulator:Email</c>: where simulated customers' e-mails are delivered and where the hub's answers land.</summary>
public sealed class EmailSimulatorOptions
{
    public const string Section = "StandIn:Simulator:Email";

    public bool Enabled { get; set; }

    /// <summary>The support mailbox's IMAP server. Spoken to without TLS, so it must be on this machine (loopback).</summary>
    public string ImapHost { get; set; } = "127.0.0.1";

    public int ImapPort { get; set; } = 143;

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string Folder { get; set; } = "INBOX";

    /// <summary>The support address customers write to.</summary>
    public string SupportAddress { get; set; } = "support@example.net";

    /// <summary>The Maildir the hub's SMTP relay stores sent mail in; customers answer what they find there. Empty = no follow-ups.</summary>
    public string AnswersMaildir { get; set; } = "";

    public double IntervalSeconds { get; set; } = 20;

    /// <summary>The share of the hub's answers a customer writes back to (the rest are satisfied and stay quiet).</summary>
    public double FollowUpRate { get; set; } = 0.6;
}
