using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace ContactHub.Channels.Email.Imap;

/// <summary>The wire: tags, command framing with literals, tagged/untagged responses, failures.</summary>
public sealed partial class ImapClient
{
    /// <summary>A literal sent after a <c>+</c> continuation; used for SASL responses.</summary>
    private sealed record Continuation(string Line);

    /// <summary>A string argument: an atom when it is one, quoted when it can be, else a literal (synchronising unless the server offers LITERAL+).</summary>
    private static object AString(string value)
    {
        if (value.Length > 0 && !value.Equals("NIL", StringComparison.OrdinalIgnoreCase) && value.All(c => c is > ' ' and < (char)127 && "(){%*\"\\]".IndexOf(c) < 0))
        {
            return value;
        }

        return value.Length > 0 && value.All(c => c is >= ' ' and < (char)127)
            ? "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
            : Encoding.UTF8.GetBytes(value);
    }

    /// <summary>Modified UTF-7 (RFC 3501 5.1.3) for folder names outside printable ASCII.</summary>
    public static string EncodeMailboxName(string name)
    {
        var result = new StringBuilder();
        for (var i = 0; i < name.Length;)
        {
            var c = name[i];
            if (c is >= ' ' and <= '~')
            {
                result.Append(c == '&' ? "&-" : c.ToString());
                i++;
                continue;
            }

            var start = i;
            while (i < name.Length && name[i] is < ' ' or > '~')
            {
                i++;
            }

            var utf16 = Encoding.BigEndianUnicode.GetBytes(name[start..i]);
            result.Append('&').Append(Convert.ToBase64String(utf16).TrimEnd('=').Replace('/', ',')).Append('-');
        }

        return result.ToString();
    }

    private string NextTag() => "a" + (++nextTag).ToString(CultureInfo.InvariantCulture);

    private static uint ParseNumber(string? text) =>
        uint.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private bool ApplyCapabilityCode(ImapResponse response)
    {
        if (response.CodeName != "CAPABILITY")
        {
            return false;
        }

        capabilities = new HashSet<string>(response.CodeArgument!.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        return true;
    }

    /// <summary>Keeps EXISTS current; true when the mailbox gained or lost messages.</summary>
    private bool Observe(ImapResponse response)
    {
        switch (response.Name)
        {
            case "EXISTS" when response.Number is { } n:
                if (selected is not null)
                {
                    selected = selected with { Exists = n };
                }

                return true;
            case "EXPUNGE":
                return true;
            default:
                return false;
        }
    }

    private static void ThrowIfFailed(string command, ImapResponse response)
    {
        if (response.Status is not ImapStatus.Ok)
        {
            var text = response.Code is null ? response.Text : $"[{response.Code}] {response.Text}";
            throw new ImapCommandException(command, response.Status ?? ImapStatus.Bad, text);
        }
    }

    private void EnsureUsable()
    {
        if (broken)
        {
            throw new IOException("The IMAP connection is closed.");
        }
    }

    /// <summary>Sends one command (parts: text, literal byte[], or a continuation line) and reads up to its tagged answer.</summary>
    private async Task<ImapResponse> RunAsync(string command, object[] parts, Action<ImapResponse>? untagged, CancellationToken cancellationToken)
    {
        EnsureUsable();
        var tag = NextTag();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CommandTimeout);
        try
        {
            var line = new MemoryStream();
            line.Write(Encoding.ASCII.GetBytes(tag + " "));
            foreach (var part in parts)
            {
                switch (part)
                {
                    case string text:
                        line.Write(Encoding.ASCII.GetBytes(text));
                        break;
                    case byte[] literal when HasCapability("LITERAL+"):
                        line.Write(Encoding.ASCII.GetBytes($"{{{literal.Length}+}}\r\n"));
                        line.Write(literal);
                        break;
                    case byte[] literal:
                        line.Write(Encoding.ASCII.GetBytes($"{{{literal.Length}}}\r\n"));
                        await WriteAsync(line, timeout.Token);
                        await AwaitContinuationAsync(command, tag, untagged, timeout.Token);
                        line.Write(literal);
                        break;
                    case Continuation continuation:
                        line.Write("\r\n"u8);
                        await WriteAsync(line, timeout.Token);
                        await AwaitContinuationAsync(command, tag, untagged, timeout.Token);
                        line.Write(Encoding.ASCII.GetBytes(continuation.Line));
                        break;
                }
            }

            if (parts[^1] is not Continuation || line.Length > 0)
            {
                line.Write("\r\n"u8);
            }

            await WriteAsync(line, timeout.Token);
            while (true)
            {
                var r = await reader.ReadResponseAsync(timeout.Token);
                if (r.Kind == ImapResponseKind.Tagged && r.Tag == tag)
                {
                    ThrowIfFailed(command, r);
                    return r;
                }

                if (r.Kind == ImapResponseKind.Continuation)
                {
                    // Only SASL asks for more after its data; an empty line cancels a mechanism we do not understand.
                    await WriteAsync("*\r\n", timeout.Token);
                    continue;
                }

                Observe(r);
                untagged?.Invoke(r);
            }
        }
        catch (Exception e) when (e is not ImapCommandException)
        {
            throw Fail(e, command, cancellationToken);
        }
    }

    private async Task AwaitContinuationAsync(string command, string tag, Action<ImapResponse>? untagged, CancellationToken cancellationToken)
    {
        while (true)
        {
            var r = await reader.ReadResponseAsync(cancellationToken);
            if (r.Kind == ImapResponseKind.Continuation)
            {
                return;
            }

            if (r.Kind == ImapResponseKind.Tagged && r.Tag == tag)
            {
                ThrowIfFailed(command, r);
                throw new ImapProtocolException($"{command} completed before the server asked for its data.");
            }

            Observe(r);
            untagged?.Invoke(r);
        }
    }

    /// <summary>Any failure but NO/BAD leaves the connection in an unknown state: close it and report an IOException (or the caller's cancellation).</summary>
    private Exception Fail(Exception e, string command, CancellationToken callerToken)
    {
        broken = true;
        try
        {
            stream.Dispose();
            tcp?.Dispose();
        }
        catch (Exception)
        {
            // Closing a dead connection may throw; nothing more to do.
        }

        return e switch
        {
            OperationCanceledException when callerToken.IsCancellationRequested => e,
            OperationCanceledException => new ImapTimeoutException($"IMAP {command} got no answer within {options.CommandTimeout}."),
            IOException => e,
            _ when e is SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException =>
                new IOException($"IMAP connection lost during {command}: {e.Message}", e),
            _ => e,
        };
    }

    private async Task WriteAsync(MemoryStream line, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(line.GetBuffer().AsMemory(0, (int)line.Length), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        line.SetLength(0);
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
