namespace ContactHub.Server.Tests;

/// <summary>Real servers started by scripts/test.sh. A missing variable fails the test: servers are installed, never skipped.</summary>
public static class TestServers
{
    public static string Redis => Required("CONTACTHUB_TEST_REDIS");

    /// <summary>The test Dovecot: "127.0.0.1:PORT", its user and password, and its config (for doveadm).</summary>
    public static (string Host, int Port, string User, string Password, string Config) Imap
    {
        get
        {
            var endpoint = Required("CONTACTHUB_TEST_IMAP").Split(':');
            return (endpoint[0], int.Parse(endpoint[1], System.Globalization.CultureInfo.InvariantCulture),
                Required("CONTACTHUB_TEST_IMAP_USER"), Required("CONTACTHUB_TEST_IMAP_PASSWORD"), Required("CONTACTHUB_TEST_DOVECOT_CONF"));
        }
    }

    /// <summary>The test SMTP sink: endpoint, account, and the Maildir it stores what it accepts in.</summary>
    public static (string Host, int Port, string User, string Password, string Maildir) Smtp
    {
        get
        {
            var endpoint = Required("CONTACTHUB_TEST_SMTP").Split(':');
            return (endpoint[0], int.Parse(endpoint[1], System.Globalization.CultureInfo.InvariantCulture),
                Required("CONTACTHUB_TEST_SMTP_USER"), Required("CONTACTHUB_TEST_SMTP_PASSWORD"), Required("CONTACTHUB_TEST_SMTP_MAILDIR"));
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through scripts/test.sh, which starts the servers.");

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
}
