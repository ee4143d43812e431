using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace ContactHub.Channels.Email.Smtp;

/// <summary>Line-level SMTP I/O over a TCP stream that can be upgraded to TLS. Every operation has a timeout;
/// timeouts and broken connections surface as transient <see cref="SmtpFailure"/>s.</summary>
internal sealed class SmtpConnection : IAsyncDisposable
{
    // RFC 5321 allows 512 octets per reply line; a server sending far more is broken or hostile.
    private const int MaxLineLength = 4096;
    private const int MaxReplyLines = 200;

    private readonly TcpClient _tcp;
    private Stream _stream;
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    private SmtpConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public bool IsEncrypted => _stream is SslStream;

    public static async Task<SmtpConnection> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken ct)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await Bounded(timeout, ct, $"connecting to {host}:{port}", t => tcp.ConnectAsync(host, port, t).AsTask());
            return new SmtpConnection(tcp);
        }
        catch (SocketException e)
        {
            tcp.Dispose();
            throw SmtpFailure.Transient($"cannot connect to {host}:{port}: {e.Message}");
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public async Task StartTlsAsync(string host, RemoteCertificateValidationCallback? validation, TimeSpan timeout, CancellationToken ct)
    {
        // Anything the server sent before the handshake would be a plaintext injection (CVE-2011-0411 style): refuse it.
        if (_start != _end)
            throw SmtpFailure.Transient("server sent data before the TLS handshake");
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false, validation);
        try
        {
            await Bounded(timeout, ct, "TLS handshake", t => ssl.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions { TargetHost = host }, t));
        }
        catch (AuthenticationException e)
        {
            await ssl.DisposeAsync();
            // An untrusted or mismatched certificate will not fix itself: someone has to change the settings.
            throw SmtpFailure.Configuration($"TLS with {host} failed: {e.Message}");
        }
        catch (IOException e)
        {
            await ssl.DisposeAsync();
            throw SmtpFailure.Transient($"TLS with {host} failed: {e.Message}");
        }
        _stream = ssl;
    }

    public Task WriteLineAsync(string line, TimeSpan timeout, CancellationToken ct) =>
        WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), timeout, ct);

    public Task WriteAsync(byte[] bytes, TimeSpan timeout, CancellationToken ct) =>
        Io(timeout, ct, "sending", async t =>
        {
            await _stream.WriteAsync(bytes, t);
            await _stream.FlushAsync(t);
        });

    public async Task<SmtpReply> ReadReplyAsync(TimeSpan timeout, CancellationToken ct)
    {
        SmtpReply? reply = null;
        await Io(timeout, ct, "waiting for the server's reply", async t => reply = await ReadReplyCoreAsync(t));
        return reply!;
    }

    private async Task<SmtpReply> ReadReplyCoreAsync(CancellationToken ct)
    {
        var lines = new List<string>();
        var code = 0;
        while (true)
        {
            var line = await ReadLineAsync(ct);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), System.Globalization.NumberStyles.None, null, out var lineCode)
                || lineCode < 200 || lineCode > 599 || (line.Length > 3 && line[3] != ' ' && line[3] != '-'))
                throw SmtpFailure.Transient($"malformed reply line from server: {Printable(line)}");
            if (code != 0 && lineCode != code)
                throw SmtpFailure.Transient("reply lines with different codes");
            code = lineCode;
            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ')
                return new SmtpReply(code, lines);
            if (lines.Count > MaxReplyLines)
                throw SmtpFailure.Transient("reply has too many lines");
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        var scanned = 0;
        while (true)
        {
            var lf = Array.IndexOf(_buffer, (byte)'\n', _start + scanned, _end - _start - scanned);
            if (lf >= 0)
            {
                var length = lf - _start;
                if (length > 0 && _buffer[lf - 1] == (byte)'\r')
                    length--;
                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = lf + 1;
                return line;
            }
            scanned = _end - _start;
            if (scanned >= MaxLineLength)
                throw SmtpFailure.Transient("reply line too long");
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, scanned);
                _end = scanned;
                _start = 0;
            }
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), ct);
            if (read == 0)
                throw SmtpFailure.Transient("the server closed the connection");
            _end += read;
        }
    }

    private static string Printable(string line) =>
        new(line.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static Task Io(TimeSpan timeout, CancellationToken ct, string what, Func<CancellationToken, Task> action) =>
        Bounded(timeout, ct, what, async t =>
        {
            try
            {
                await action(t);
            }
            catch (IOException e)
            {
                throw SmtpFailure.Transient($"connection lost while {what}: {e.Message}");
            }
            catch (ObjectDisposedException)
            {
                throw SmtpFailure.Transient($"connection lost while {what}");
            }
        });

    private static async Task Bounded(TimeSpan timeout, CancellationToken ct, string what, Func<CancellationToken, Task> action)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await action(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw SmtpFailure.Transient($"timed out after {timeout.TotalSeconds:0.#} s {what}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
