using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace ContactHub.Channels.Tests.Email.Imap;

/// <summary>
/// An implicit-TLS front (like port 993) for the test Dovecot, which listens with STARTTLS only: it accepts TLS with
/// the test server's own certificate and forwards the decrypted bytes to Dovecot's plain port.
/// </summary>
public sealed class TlsTerminatingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 certificate;
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;

    public TlsTerminatingProxy(string certPath, string keyPath, string targetHost, int targetPort)
    {
        certificate = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                _ = ServeAsync(await listener.AcceptTcpClientAsync(stop.Token));
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(TcpClient downstream)
    {
        using var client = downstream;
        using var upstream = new TcpClient();
        try
        {
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, stop.Token);
            await upstream.ConnectAsync(targetHost, targetPort, stop.Token);
            var plain = upstream.GetStream();
            await Task.WhenAny(tls.CopyToAsync(plain, stop.Token), plain.CopyToAsync(tls, stop.Token));
        }
        catch (Exception)
        {
            // Either side closing ends the connection.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop;
        certificate.Dispose();
        stop.Dispose();
    }
}
