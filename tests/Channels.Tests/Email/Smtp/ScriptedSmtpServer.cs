using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ContactHub.Channels.Tests.Email.Smtp;

/// <summary>A one-connection SMTP server answering from a script, for replies the real sink cannot be made to give
/// (implicit TLS, 421, SIZE limits). The real-server behaviour is covered by <see cref="SmtpDeliveryTests"/>.</summary>
public sealed class ScriptedSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<string> _received = [];

    /// <param name="answer">Reply (with CRLFs) to a command line, or to "&lt;DATA&gt;" after the message; null closes the connection.</param>
    public ScriptedSmtpServer(string greeting, Func<string, string?> answer, bool implicitTls = false)
    {
        _listener.Start();
        Certificate = implicitTls ? SelfSigned() : null;
        Finished = Task.Run(() => ServeAsync(greeting, answer));
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public X509Certificate2? Certificate { get; }
    public Task Finished { get; }

    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
                return [.. _received];
        }
    }

    private async Task ServeAsync(string greeting, Func<string, string?> answer)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        Stream stream = client.GetStream();
        if (Certificate is not null)
        {
            var ssl = new SslStream(stream);
            await ssl.AuthenticateAsServerAsync(Certificate);
            stream = ssl;
        }
        await using var _ = stream;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(greeting));
        var inData = false;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (inData && line != ".")
                continue;
            var command = inData ? "<DATA>" : line;
            inData = false;
            lock (_received)
                _received.Add(command);
            var reply = answer(command);
            if (reply is null)
                return;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(reply));
            inData = reply.StartsWith("354", StringComparison.Ordinal);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // A certificate with an ephemeral key cannot serve TLS on Linux; a PKCS#12 round trip gives it a usable one.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    public void Dispose()
    {
        _listener.Stop();
        Certificate?.Dispose();
    }
}
