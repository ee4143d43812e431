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
public sealed class ImapClient : IAsyncDisposable
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

    public Task CapabilityAsync(CancellationToken cancellationToken) =>
        RunAsync("CAPABILITY", ["CAPABILITY"], r =>
        {
            if (r.Name == "CAPABILITY")
            {
                capabilities = new HashSet<string>(r.Values.Select(v => v.AsString() ?? ""), StringComparer.OrdinalIgnoreCase);
            }
        }, cancellationToken);

    /// <summary>LOGIN user password (quoted, or as literals when they hold characters a quoted string cannot carry).</summary>
    public async Task LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var done = await RunAsync("LOGIN", ["LOGIN ", AString(userName), " ", AString(password)], null, cancellationToken);
        await AfterAuthenticationAsync(done, cancellationToken);
    }

    /// <summary>AUTHENTICATE PLAIN, with the initial response on the command line when the server offers SASL-IR.</summary>
    public async Task AuthenticatePlainAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var response = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + userName + "\0" + password));
        ImapResponse done;
        if (HasCapability("SASL-IR"))
        {
            done = await RunAsync("AUTHENTICATE", ["AUTHENTICATE PLAIN " + response], null, cancellationToken);
        }
        else
        {
            done = await RunAsync("AUTHENTICATE", ["AUTHENTICATE PLAIN", new Continuation(response)], null, cancellationToken);
        }

        await AfterAuthenticationAsync(done, cancellationToken);
    }

    private async Task AfterAuthenticationAsync(ImapResponse done, CancellationToken cancellationToken)
    {
        // Capabilities change after login; Dovecot sends them in the OK, others need asking.
        if (!ApplyCapabilityCode(done))
        {
            await CapabilityAsync(cancellationToken);
        }
    }

    public async Task<ImapMailboxStatus> SelectAsync(string folder, CancellationToken cancellationToken)
    {
        selected = null;
        uint uidValidity = 0, uidNext = 0, exists = 0;
        var done = await RunAsync("SELECT", ["SELECT ", AString(EncodeMailboxName(folder))], r =>
        {
            if (r.Name == "EXISTS" && r.Number is { } n)
            {
                exists = n;
            }
            else if (r.CodeName == "UIDVALIDITY")
            {
                uidValidity = ParseNumber(r.CodeArgument);
            }
            else if (r.CodeName == "UIDNEXT")
            {
                uidNext = ParseNumber(r.CodeArgument);
            }
        }, cancellationToken);
        if (uidValidity == 0)
        {
            throw new ImapProtocolException($"SELECT {folder} reported no UIDVALIDITY.");
        }

        selected = new ImapMailboxStatus(folder, uidValidity, uidNext, exists, done.CodeName == "READ-ONLY");
        return selected;
    }

    public Task CreateAsync(string folder, CancellationToken cancellationToken) =>
        RunAsync("CREATE", ["CREATE ", AString(EncodeMailboxName(folder))], null, cancellationToken);

    public Task DeleteAsync(string folder, CancellationToken cancellationToken) =>
        RunAsync("DELETE", ["DELETE ", AString(EncodeMailboxName(folder))], null, cancellationToken);

    /// <summary>UIDs &gt;= <paramref name="fromUid"/> in ascending order (<c>UID SEARCH UID n:*</c>, minus the highest UID that <c>n:*</c> always matches).</summary>
    public async Task<IReadOnlyList<uint>> UidSearchFromAsync(uint fromUid, CancellationToken cancellationToken)
    {
        fromUid = Math.Max(fromUid, 1);
        var uids = new List<uint>();
        await RunAsync("UID SEARCH", [$"UID SEARCH UID {fromUid}:*"], r =>
        {
            if (r.Name == "SEARCH")
            {
                foreach (var value in r.Values)
                {
                    if (value.TryGetNumber(out var uid) && uid >= fromUid)
                    {
                        uids.Add(uid);
                    }
                }
            }
        }, cancellationToken);
        uids.Sort();
        return uids.Distinct().ToList();
    }

    /// <summary><c>UID FETCH uid (UID FLAGS BODY.PEEK[])</c>; null when the message no longer exists. PEEK leaves \Seen alone.</summary>
    public async Task<ImapFetchedMessage?> UidFetchAsync(uint uid, CancellationToken cancellationToken)
    {
        var mailbox = selected ?? throw new InvalidOperationException("SELECT a mailbox before fetching.");
        ImapFetchedMessage? message = null;
        await RunAsync("UID FETCH", [$"UID FETCH {uid} (UID FLAGS BODY.PEEK[])"], r =>
        {
            if (r.Name == "FETCH" && r.Values is [{ Kind: ImapValueKind.List } items, ..] && ParseFetch(items.Items, mailbox.UidValidity) is { } m && m.Uid == uid)
            {
                message = m;
            }
        }, cancellationToken);
        return message;
    }

    /// <summary>Parses FETCH items in whatever order the server sent them; null unless UID and BODY[] are both present.</summary>
    public static ImapFetchedMessage? ParseFetch(IReadOnlyList<ImapValue> items, uint uidValidity)
    {
        uint? uid = null;
        byte[]? body = null;
        IReadOnlyList<string> flags = [];
        for (var i = 0; i + 1 < items.Count; i += 2)
        {
            var name = items[i].AsString()?.ToUpperInvariant();
            var value = items[i + 1];
            switch (name)
            {
                case "UID" when value.TryGetNumber(out var n):
                    uid = n;
                    break;
                case "FLAGS":
                    flags = value.Items.Select(f => f.AsString() ?? "").ToList();
                    break;
                case "BODY[]" or "RFC822":
                    body = value.AsBytes();
                    break;
            }
        }

        return uid is { } u && body is not null ? new ImapFetchedMessage(u, uidValidity, flags, body) : null;
    }

    /// <summary><c>UID STORE uid +FLAGS.SILENT (flags)</c>, e.g. a keyword such as <c>$ContactHubProcessed</c> or <c>\Seen</c>.</summary>
    public Task UidAddFlagsAsync(uint uid, IEnumerable<string> flags, CancellationToken cancellationToken)
    {
        var list = flags.ToList();
        foreach (var flag in list)
        {
            if (!IsValidFlag(flag))
            {
                throw new ArgumentException($"'{flag}' is not a valid IMAP flag or keyword.", nameof(flags));
            }
        }

        return RunAsync("UID STORE", [$"UID STORE {uid} +FLAGS.SILENT ({string.Join(' ', list)})"], null, cancellationToken);
    }

    public static bool IsValidFlag(string flag)
    {
        var body = flag.StartsWith('\\') ? flag[1..] : flag;
        return body.Length > 0 && body.All(c => c > ' ' && c < 127 && "(){%*\"\\]".IndexOf(c) < 0);
    }

    public Task NoopAsync(CancellationToken cancellationToken) => RunAsync("NOOP", ["NOOP"], null, cancellationToken);

    /// <summary>
    /// IDLE until the server reports EXISTS or EXPUNGE or <paramref name="maxIdle"/> passes, then DONE.
    /// Servers drop idlers after 30 minutes (RFC 2177), so callers loop with <paramref name="maxIdle"/> under 29 minutes.
    /// </summary>
    public async Task<ImapIdleResult> IdleAsync(TimeSpan maxIdle, CancellationToken cancellationToken)
    {
        if (!HasCapability("IDLE"))
        {
            throw new NotSupportedException("The server does not offer IDLE.");
        }

        EnsureUsable();
        var tag = NextTag();
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        session.CancelAfter(options.CommandTimeout);
        var changed = false;
        try
        {
            await WriteAsync(tag + " IDLE\r\n", session.Token);
            while (true)
            {
                var r = await reader.ReadResponseAsync(session.Token);
                if (r.Kind == ImapResponseKind.Continuation)
                {
                    break;
                }

                if (r.Kind == ImapResponseKind.Tagged && r.Tag == tag)
                {
                    ThrowIfFailed("IDLE", r);
                    return ImapIdleResult.MailboxChanged; // ended at once: look again
                }

                changed |= Observe(r);
            }

            session.CancelAfter(Timeout.InfiniteTimeSpan);
            Task<ImapResponse>? pending = null;
            var deadline = Task.Delay(maxIdle, session.Token);
            while (!changed)
            {
                pending = reader.ReadResponseAsync(session.Token);
                if (await Task.WhenAny(pending, deadline) != pending)
                {
                    break;
                }

                var r = await pending;
                pending = null;
                if (r.Kind == ImapResponseKind.Tagged && r.Tag == tag)
                {
                    ThrowIfFailed("IDLE", r);
                    return ImapIdleResult.MailboxChanged;
                }

                changed |= Observe(r);
            }

            session.CancelAfter(options.CommandTimeout);
            await WriteAsync("DONE\r\n", session.Token);
            while (true)
            {
                var r = pending is null ? await reader.ReadResponseAsync(session.Token) : await pending;
                pending = null;
                if (r.Kind == ImapResponseKind.Tagged && r.Tag == tag)
                {
                    ThrowIfFailed("IDLE", r);
                    return changed ? ImapIdleResult.MailboxChanged : ImapIdleResult.TimedOut;
                }

                changed |= Observe(r);
            }
        }
        catch (Exception e) when (e is not ImapCommandException)
        {
            throw Fail(e, "IDLE", cancellationToken);
        }
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
