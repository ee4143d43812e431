using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ContactHub.Channels.Email.Imap;

namespace ContactHub.Channels.Tests.Email.Imap;

/// <summary>
/// The real Dovecot started by scripts/lib/mail-servers.sh (start_dovecot), found through CONTACTHUB_TEST_IMAP,
/// CONTACTHUB_TEST_IMAP_USER, CONTACTHUB_TEST_IMAP_PASSWORD and CONTACTHUB_TEST_DOVECOT_CONF. A missing variable
/// fails the test: these tests never skip. Tests isolate by folder: each CREATEs its own uniquely named folder.
/// </summary>
public sealed class ImapTestServer
{
    private readonly string expectedCertificateHash;

    private ImapTestServer(string host, int port, string user, string password, string conf)
    {
        Host = host;
        Port = port;
        User = user;
        Password = password;
        Conf = conf;
        var certLine = File.ReadLines(conf).FirstOrDefault(l => l.TrimStart().StartsWith("ssl_cert", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{conf} has no ssl_cert line.");
        var certPath = certLine.Split('<', 2)[1].Trim();
        CertificatePath = certPath;
        KeyPath = File.ReadLines(conf).First(l => l.TrimStart().StartsWith("ssl_key", StringComparison.Ordinal)).Split('<', 2)[1].Trim();
        var pem = File.ReadAllLines(certPath).Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(string.Concat(pem)));
        expectedCertificateHash = certificate.GetCertHashString();
    }

    public string Host { get; }

    public int Port { get; }

    public string User { get; }

    public string Password { get; }

    public string Conf { get; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public static ImapTestServer FromEnvironment()
    {
        static string Need(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Start Dovecot with scripts/lib/mail-servers.sh (start_dovecot 14300 /tmp/dovecot-imap-test USER PASSWORD) "
                + "and export CONTACTHUB_TEST_IMAP=127.0.0.1:14300, CONTACTHUB_TEST_IMAP_USER, CONTACTHUB_TEST_IMAP_PASSWORD, "
                + "CONTACTHUB_TEST_DOVECOT_CONF (imap_test_env prints them). IMAP tests fail rather than skip.");

        var endpoint = Need("CONTACTHUB_TEST_IMAP");
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint[(colon + 1)..], out var port))
        {
            throw new InvalidOperationException($"CONTACTHUB_TEST_IMAP must be HOST:PORT, got '{endpoint}'.");
        }

        return new ImapTestServer(endpoint[..colon], port, Need("CONTACTHUB_TEST_IMAP_USER"), Need("CONTACTHUB_TEST_IMAP_PASSWORD"), Need("CONTACTHUB_TEST_DOVECOT_CONF"));
    }

    /// <summary>Trusts exactly the test server's self-signed certificate, nothing else.</summary>
    public RemoteCertificateValidationCallback TrustTestCertificate =>
        (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == expectedCertificateHash;

    public ImapClientOptions ClientOptions(ImapSecurity security = ImapSecurity.StartTls, int? port = null) => new()
    {
        Host = Host,
        Port = port ?? Port,
        Security = security,
        CertificateValidation = TrustTestCertificate,
        CommandTimeout = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    public MailboxWatcherOptions WatcherOptions(string folder, ImapSecurity security = ImapSecurity.StartTls, int? port = null) => new()
    {
        Host = Host,
        Port = port ?? Port,
        Security = security,
        CertificateValidation = TrustTestCertificate,
        UserName = User,
        Password = Password,
        Folder = folder,
        PollInterval = TimeSpan.FromMilliseconds(500),
        CommandTimeout = TimeSpan.FromSeconds(10),
        ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
        ReconnectDelayMax = TimeSpan.FromSeconds(1),
    };

    public async Task<ImapClient> LoginAsync(CancellationToken cancellationToken)
    {
        var client = await ImapClient.ConnectAsync(ClientOptions(), cancellationToken);
        await client.LoginAsync(User, Password, cancellationToken);
        return client;
    }

    /// <summary>A new empty folder for one test, so tests can run in parallel on one account.</summary>
    public async Task<string> NewFolderAsync(CancellationToken cancellationToken)
    {
        var folder = "test-" + Guid.NewGuid().ToString("N")[..12];
        await using var client = await LoginAsync(cancellationToken);
        await client.CreateAsync(folder, cancellationToken);
        await client.LogoutAsync(cancellationToken);
        return folder;
    }

    /// <summary>Delivers with <c>doveadm -c CONF save</c>, as a local delivery agent would.</summary>
    public async Task DeliverAsync(string folder, byte[] message, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("doveadm", ["-c", Conf, "save", "-u", User, "-m", folder])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("doveadm did not start.");
        await process.StandardInput.BaseStream.WriteAsync(message, cancellationToken);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"doveadm save failed ({process.ExitCode}): {await error}");
        }
    }

    /// <summary>A message of about <paramref name="size"/> octets with CRLF lines and a unique Message-ID.</summary>
    public static byte[] MakeMessage(string subject, int size = 600)
    {
        var text = new System.Text.StringBuilder();
        text.Append("From: Alice <alice@example.com>\r\nTo: support@example.net\r\n")
            .Append("Subject: ").Append(subject).Append("\r\n")
            .Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@example.com>\r\n")
            .Append("Date: Tue, 10 Mar 2026 10:12:44 +0100\r\n\r\n");
        for (var line = 0; text.Length < size; line++)
        {
            text.Append("Line ").Append(line).Append(" of ").Append(subject).Append(": the quick brown fox jumps over the lazy dog.\r\n");
        }

        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }
}
