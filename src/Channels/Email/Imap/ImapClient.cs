using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace ContactHub.Channels.Email.Imap;

/// <summary>
/// A minimal IMAP4rev1 client (RFC 3501 + IDLE, LITERAL+, SASL-IR) over one stream: connect with implicit TLS,
/// STARTTLS or plain, authenticate, select, search and fetch by UID, add flags, idle, noop, logout.
/// Not thread-safe: one command at a time. NO/BAD answers throw <see cref="ImapCommandException"/> and keep the
/// connection; a lost connection, garbage or a timeout throws <see cref="IOException"/> and closes it.
/// </summary>
public sealed partial class ImapClient : IAsyncDisposable
{
    private readonly ImapClientOptions options;
    private TcpClient? tcp;
    private Stream stream;
    private ImapResponseReader reader;
    private HashSet<string> capabilities = new(StringComparer.OrdinalIgnoreCase);
    private int nextTag;
    private bool broken;
    private ImapMailboxStatus? selected;

    private ImapClient(ImapClientOptions options, Stream stream, TcpClient? tcp)
    {
        this.options = options;
        this.stream = stream;
        this.tcp = tcp;
        reader = new ImapResponseReader(stream, options.MaxLiteralSize);
    }

    public IReadOnlySet<string> Capabilities => capabilities;

    /// <summary>The mailbox of the last successful SELECT, with EXISTS kept current by untagged responses.</summary>
    public ImapMailboxStatus? Selected => selected;

    public bool IsConnected => !broken;

    /// <summary>True once TLS is up (implicit, or after STARTTLS).</summary>
    public bool IsEncrypted => stream is SslStream { IsEncrypted: true };

    public bool HasCapability(string capability) => capabilities.Contains(capability);

    /// <summary>Opens a TCP connection, applies <see cref="ImapClientOptions.Security"/>, and reads the greeting and capabilities.</summary>
    public static async Task<ImapClient> ConnectAsync(ImapClientOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(options.Host, options.Port, timeout.Token);
            Stream stream = tcp.GetStream();
            if (options.Security == ImapSecurity.ImplicitTls)
            {
                stream = await AuthenticateTlsAsync(stream, options, timeout.Token);
            }

            var client = new ImapClient(options, stream, tcp);
            await client.StartAsync(timeout.Token);
            if (options.Security == ImapSecurity.StartTls)
            {
                await client.StartTlsAsync(timeout.Token);
            }

            return client;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new ImapTimeoutException($"Connecting to {options.Host}:{options.Port} took longer than {options.ConnectTimeout}.");
        }
        catch (SocketException e)
        {
            tcp.Dispose();
            throw new IOException($"Cannot connect to {options.Host}:{options.Port}: {e.Message}", e);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Speaks IMAP over an already-open stream (for tests and tunnels), applying <see cref="ImapClientOptions.Security"/> to it.</summary>
    public static async Task<ImapClient> ConnectAsync(Stream stream, ImapClientOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        if (options.Security == ImapSecurity.ImplicitTls)
        {
            stream = await AuthenticateTlsAsync(stream, options, timeout.Token);
        }

        var client = new ImapClient(options, stream, null);
        try
        {
            await client.StartAsync(timeout.Token);
            if (options.Security == ImapSecurity.StartTls)
            {
                await client.StartTlsAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await client.DisposeAsync();
            throw new ImapTimeoutException("No IMAP greeting within the connect timeout.");
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        return client;
    }

    private static async Task<Stream> AuthenticateTlsAsync(Stream inner, ImapClientOptions options, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false, options.CertificateValidation);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host }, cancellationToken);
        return ssl;
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var greeting = await reader.ReadResponseAsync(cancellationToken);
        if (greeting.Status is not (ImapStatus.Ok or ImapStatus.PreAuth))
        {
            throw new ImapProtocolException($"IMAP server refused the connection: {greeting.Name} {greeting.Text}");
        }

        if (!ApplyCapabilityCode(greeting))
        {
            await CapabilityAsync(cancellationToken);
        }
    }

    private async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        if (!HasCapability("STARTTLS"))
        {
            throw new ImapProtocolException("The server does not offer STARTTLS; refusing to send credentials in clear text.");
        }

        await RunAsync("STARTTLS", ["STARTTLS"], null, cancellationToken);
        if (reader.BufferedCount > 0)
        {
            // Bytes after the OK and before the handshake would be trusted as if encrypted (STARTTLS injection).
            throw new ImapProtocolException("The server sent data after accepting STARTTLS.");
        }

        stream = await AuthenticateTlsAsync(stream, options, cancellationToken);
        reader = new ImapResponseReader(stream, options.MaxLiteralSize);
        capabilities.Clear(); // pre-TLS capabilities must not be trusted
        await CapabilityAsync(cancellationToken);
    }

    /// <summary>LOGOUT and close; never throws for a connection that is already gone.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken)
    {
        if (!broken)
        {
            try
            {
                await RunAsync("LOGOUT", ["LOGOUT"], null, cancellationToken);
            }
            catch (IOException)
            {
                // The server may close before or after its tagged OK; either way we are logged out.
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        broken = true;
        await stream.DisposeAsync();
        tcp?.Dispose();
        tcp = null;
    }

}
