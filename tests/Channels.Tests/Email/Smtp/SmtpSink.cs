using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Email.Smtp;

namespace ContactHub.Channels.Tests.Email.Smtp;

/// <summary>The real SMTP test server (scripts/smtp-sink.py) the tests send to, described by environment variables.
/// A missing variable fails the test: the server can always be started, so a skip would only hide a broken CI.</summary>
public sealed class SmtpSink
{
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required string User { get; init; }
    public required string Password { get; init; }
    public required string Maildir { get; init; }

    public static SmtpSink FromEnvironment()
    {
        var endpoint = Require("CONTACTHUB_TEST_SMTP");
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint[(colon + 1)..], out var port))
            throw new InvalidOperationException($"CONTACTHUB_TEST_SMTP must be HOST:PORT, got '{endpoint}'");
        return new SmtpSink
        {
            Host = endpoint[..colon],
            Port = port,
            User = Require("CONTACTHUB_TEST_SMTP_USER"),
            Password = Require("CONTACTHUB_TEST_SMTP_PASSWORD"),
            Maildir = Require("CONTACTHUB_TEST_SMTP_MAILDIR"),
        };
    }

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. The SMTP tests need the real test server: `source scripts/lib/smtp-sink.sh; " +
                "start_smtp_sink 12525 /tmp/smtp-sink-test USER PASSWORD` and export CONTACTHUB_TEST_SMTP=127.0.0.1:12525, " +
                "CONTACTHUB_TEST_SMTP_USER, CONTACTHUB_TEST_SMTP_PASSWORD, CONTACTHUB_TEST_SMTP_MAILDIR=/tmp/smtp-sink-test/Maildir.");

    /// <summary>Client options that trust exactly the sink's self-signed certificate (cert.pem next to the Maildir), nothing else.</summary>
    public SmtpClientOptions Options(string? user = null, string? password = null, string? mechanism = null) => new()
    {
        Host = Host,
        Port = Port,
        Security = SmtpSecurity.StartTls,
        ClientName = "tests.contacthub.test",
        UserName = user ?? User,
        Password = password ?? Password,
        AuthMechanism = mechanism,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(5),
        DataTimeout = TimeSpan.FromSeconds(10),
        CertificateValidation = TrustSinkCertificate(),
    };

    private RemoteCertificateValidationCallback TrustSinkCertificate()
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Maildir).TrimEnd('/'))!, "cert.pem");
        using var expected = X509Certificate2.CreateFromPem(File.ReadAllText(path));
        var thumbprint = expected.Thumbprint;
        return (_, certificate, _, _) => certificate is not null
            && string.Equals(new X509Certificate2(certificate).Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Polls the Maildir until a message containing <paramref name="marker"/> arrives; fails after the test timeout.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string marker)
    {
        var deadline = DateTime.UtcNow + Timeouts.Await;
        var dir = Path.Combine(Maildir, "new");
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(dir))
            {
                foreach (var file in Directory.EnumerateFiles(dir))
                {
                    var bytes = await File.ReadAllBytesAsync(file).WaitAsync(Timeouts.Await);
                    if (System.Text.Encoding.ASCII.GetString(bytes).Contains(marker, StringComparison.Ordinal))
                        return new MimeReader().Read(bytes);
                }
            }
            await Task.Delay(50).WaitAsync(Timeouts.Await);
        }
        throw new TimeoutException($"no message containing '{marker}' reached {dir} within {Timeouts.Await}");
    }

    public async Task<byte[]> WaitForRawAsync(string marker) => (await WaitForMessageAsync(marker)).Raw.ToArray();
}
