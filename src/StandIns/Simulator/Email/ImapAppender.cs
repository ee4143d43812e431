using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContactHub.StandIns.Simulator.Email;

/// <summary>
/// Delivers a message into the support mailbox the way a mail server's delivery agent would end up storing it:
/// IMAP LOGIN and APPEND (RFC 9051 6.3.12) over a plain connection to a server on this machine.
/// </summary>
public static class ImapAppender
{
    public static async Task AppendAsync(EmailSimulatorOptions options, byte[] message, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(options.ImapHost, options.ImapPort, cancellationToken);
        await using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        await ExpectAsync(reader, "*", cancellationToken);
        await SendAsync(stream, $"a1 LOGIN {Quoted(options.UserName)} {Quoted(options.Password)}\r\n", cancellationToken);
        await ExpectAsync(reader, "a1", cancellationToken);
        // A synchronizing literal: the server says "+" before it takes the message bytes.
        await SendAsync(stream, $"a2 APPEND {Quoted(options.Folder)} {{{message.Length}}}\r\n", cancellationToken);
        await ExpectAsync(reader, "+", cancellationToken);
        await stream.WriteAsync(message, cancellationToken);
        await SendAsync(stream, "\r\n", cancellationToken);
        await ExpectAsync(reader, "a2", cancellationToken);
        await SendAsync(stream, "a3 LOGOUT\r\n", cancellationToken);
        await ExpectAsync(reader, "a3", cancellationToken);
    }

    /// <summary>Plain LOGIN sends the password in clear: only to this machine.</summary>
    public static bool IsLocal(string host) =>
        host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Reads up to the line that starts with <paramref name="tag"/>; anything but OK (or "+" / a greeting) fails.</summary>
    private static async Task ExpectAsync(StreamReader reader, string tag, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("The IMAP server closed the connection.");
            if (tag == "+" && line.StartsWith('+'))
            {
                return;
            }
            if (line.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                if (line[(tag.Length + 1)..].StartsWith("OK", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
                throw new IOException($"The IMAP server refused: {line}");
            }
            if (tag == "+" && line.StartsWith("a2 ", StringComparison.Ordinal))
            {
                throw new IOException($"The IMAP server refused the APPEND: {line}");
            }
        }
    }

    private static Task SendAsync(Stream stream, string line, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).AsTask();

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
