using System.Globalization;
using System.Text;

namespace ContactHub.Channels.Email.Imap;

/// <summary>
/// Reads complete IMAP responses from a stream, however the bytes are split across reads:
/// literals <c>{n}</c> (and <c>{n+}</c>, <c>~{n}</c>) are read exactly n octets into a byte[],
/// quoted strings are unescaped, NIL is recognised, and FETCH items may come in any order.
/// </summary>
public sealed class ImapResponseReader(Stream stream, long maxLiteralSize = ImapResponseReader.DefaultMaxLiteralSize)
{
    public const long DefaultMaxLiteralSize = 256L * 1024 * 1024;

    /// <summary>Bounds the non-literal part of one response so a hostile server cannot make us buffer forever.</summary>
    private const int MaxTextLength = 1024 * 1024;

    private readonly byte[] buffer = new byte[16 * 1024];
    private int position;
    private int length;
    private int textLength;

    /// <summary>Bytes already read from the stream but not yet parsed (must be 0 before a STARTTLS handshake).</summary>
    public int BufferedCount => length - position;

    public async Task<ImapResponse> ReadResponseAsync(CancellationToken cancellationToken)
    {
        textLength = 0;
        var first = await ReadAtomAsync(cancellationToken);
        if (first == "+")
        {
            var text = await ReadRestOfLineAsync(cancellationToken);
            return new ImapResponse(ImapResponseKind.Continuation, null, null, "+", null, null, text, []);
        }

        if (first.Length == 0)
        {
            throw new ImapProtocolException("Empty IMAP response line.");
        }

        await ExpectSpaceAsync(cancellationToken);
        if (first != "*")
        {
            var statusName = (await ReadAtomAsync(cancellationToken)).ToUpperInvariant();
            var status = ParseStatus(statusName) ?? throw new ImapProtocolException($"Tagged response with unknown status '{statusName}'.");
            var (code, text) = SplitCode(await ReadRestOfLineAsync(cancellationToken));
            return new ImapResponse(ImapResponseKind.Tagged, first, null, statusName, status, code, text, []);
        }

        var word = await ReadAtomAsync(cancellationToken);
        uint? number = null;
        if (uint.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
            await ExpectSpaceAsync(cancellationToken);
            word = await ReadAtomAsync(cancellationToken);
        }

        var name = word.ToUpperInvariant();
        var untaggedStatus = number is null ? ParseStatus(name) : null;
        if (untaggedStatus is not null)
        {
            var (code, text) = SplitCode(await ReadRestOfLineAsync(cancellationToken));
            return new ImapResponse(ImapResponseKind.Untagged, null, null, name, untaggedStatus, code, text, []);
        }

        var values = await ReadValuesAsync(topLevel: true, cancellationToken);
        return new ImapResponse(ImapResponseKind.Untagged, null, number, name, null, null, "", values);
    }

    private static ImapStatus? ParseStatus(string name) => name switch
    {
        "OK" => ImapStatus.Ok,
        "NO" => ImapStatus.No,
        "BAD" => ImapStatus.Bad,
        "BYE" => ImapStatus.Bye,
        "PREAUTH" => ImapStatus.PreAuth,
        _ => null,
    };

    private static (string? Code, string Text) SplitCode(string rest)
    {
        if (rest.StartsWith('['))
        {
            var end = rest.IndexOf(']');
            if (end > 0)
            {
                return (rest[1..end], rest[(end + 1)..].TrimStart());
            }
        }

        return (null, rest);
    }

    /// <summary>Items until the end of the line (top level) or the closing parenthesis (inside a list).</summary>
    private async Task<IReadOnlyList<ImapValue>> ReadValuesAsync(bool topLevel, CancellationToken cancellationToken)
    {
        var values = new List<ImapValue>();
        while (true)
        {
            var b = await PeekAsync(cancellationToken);
            switch (b)
            {
                case (byte)' ':
                    position++;
                    continue;
                case (byte)'\r' or (byte)'\n':
                    if (!topLevel)
                    {
                        throw new ImapProtocolException("Line ended inside a parenthesised list.");
                    }

                    await ReadLineEndAsync(cancellationToken);
                    return values;
                case (byte)')':
                    if (topLevel)
                    {
                        throw new ImapProtocolException("Unbalanced ')' in response.");
                    }

                    position++;
                    return values;
                case (byte)'(':
                    position++;
                    values.Add(ImapValue.List(await ReadValuesAsync(topLevel: false, cancellationToken)));
                    continue;
                case (byte)'"':
                    position++;
                    values.Add(ImapValue.Quoted(await ReadQuotedAsync(cancellationToken)));
                    continue;
                case (byte)'{':
                    values.Add(ImapValue.Literal(await ReadLiteralAsync(cancellationToken)));
                    continue;
                case (byte)'~':
                    position++;
                    if (await PeekAsync(cancellationToken) != (byte)'{')
                    {
                        values.Add(Atomise("~" + await ReadAtomAsync(cancellationToken)));
                        continue;
                    }

                    values.Add(ImapValue.Literal(await ReadLiteralAsync(cancellationToken)));
                    continue;
                default:
                    values.Add(Atomise(await ReadAtomAsync(cancellationToken)));
                    continue;
            }
        }
    }

    private static ImapValue Atomise(string atom) =>
        string.Equals(atom, "NIL", StringComparison.OrdinalIgnoreCase) ? ImapValue.Nil : ImapValue.Atom(atom);

    /// <summary>An atom; a bracketed section such as <c>BODY[HEADER.FIELDS (FROM TO)]</c> is kept whole with its spaces.</summary>
    private async Task<string> ReadAtomAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var depth = 0;
        while (true)
        {
            var b = await PeekAsync(cancellationToken);
            if (b is (byte)'\r' or (byte)'\n' || (depth == 0 && b is (byte)' ' or (byte)'(' or (byte)')' or (byte)'"'))
            {
                return text.ToString();
            }

            if (depth == 0 && b == (byte)'{' && text.Length == 0)
            {
                return text.ToString();
            }

            depth += b == (byte)'[' ? 1 : b == (byte)']' && depth > 0 ? -1 : 0;
            position++;
            Count(1);
            text.Append((char)b);
        }
    }

    private async Task<string> ReadQuotedAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = await NextAsync(cancellationToken);
            Count(1);
            if (b == (byte)'"')
            {
                return Encoding.UTF8.GetString(bytes.ToArray());
            }

            if (b is (byte)'\r' or (byte)'\n')
            {
                throw new ImapProtocolException("Line ended inside a quoted string.");
            }

            bytes.Add(b == (byte)'\\' ? await NextAsync(cancellationToken) : b);
        }
    }

    private async Task<byte[]> ReadLiteralAsync(CancellationToken cancellationToken)
    {
        position++; // '{'
        long size = 0;
        var digits = 0;
        byte b;
        while ((b = await NextAsync(cancellationToken)) is >= (byte)'0' and <= (byte)'9')
        {
            size = (size * 10) + (b - '0');
            if (++digits > 12 || size > maxLiteralSize)
            {
                throw new ImapProtocolException($"Literal larger than the configured limit of {maxLiteralSize} octets.");
            }
        }

        if (b == (byte)'+')
        {
            b = await NextAsync(cancellationToken);
        }

        if (b != (byte)'}' || digits == 0)
        {
            throw new ImapProtocolException("Malformed literal size.");
        }

        await ReadLineEndAsync(cancellationToken);
        var literal = new byte[size];
        var filled = 0;
        var fromBuffer = (int)Math.Min(BufferedCount, size);
        Buffer.BlockCopy(buffer, position, literal, 0, fromBuffer);
        position += fromBuffer;
        filled += fromBuffer;
        while (filled < literal.Length)
        {
            var read = await stream.ReadAsync(literal.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The IMAP server closed the connection inside a literal.");
            }

            filled += read;
        }

        return literal;
    }

    private async Task<string> ReadRestOfLineAsync(CancellationToken cancellationToken)
    {
        if (await PeekAsync(cancellationToken) == (byte)' ')
        {
            position++;
        }

        var bytes = new List<byte>();
        while (await PeekAsync(cancellationToken) is not ((byte)'\r' or (byte)'\n'))
        {
            bytes.Add(buffer[position++]);
            Count(1);
        }

        await ReadLineEndAsync(cancellationToken);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private async Task ExpectSpaceAsync(CancellationToken cancellationToken)
    {
        var b = await PeekAsync(cancellationToken);
        if (b is (byte)'\r' or (byte)'\n')
        {
            return; // e.g. "* SEARCH" with no hits, or "+" alone: the caller reads the line end
        }

        if (b != (byte)' ')
        {
            throw new ImapProtocolException($"Expected a space, got 0x{b:X2}.");
        }

        position++;
    }

    /// <summary>CRLF, tolerating a bare LF.</summary>
    private async Task ReadLineEndAsync(CancellationToken cancellationToken)
    {
        if (await NextAsync(cancellationToken) == (byte)'\r' && await NextAsync(cancellationToken) != (byte)'\n')
        {
            throw new ImapProtocolException("CR not followed by LF.");
        }
    }

    private void Count(int n)
    {
        textLength += n;
        if (textLength > MaxTextLength)
        {
            throw new ImapProtocolException($"Response line longer than {MaxTextLength} octets.");
        }
    }

    private async ValueTask<byte> PeekAsync(CancellationToken cancellationToken)
    {
        if (position >= length)
        {
            await FillAsync(cancellationToken);
        }

        return buffer[position];
    }

    private async ValueTask<byte> NextAsync(CancellationToken cancellationToken)
    {
        var b = await PeekAsync(cancellationToken);
        position++;
        return b;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        position = 0;
        length = 0;
        var read = await stream.ReadAsync(buffer, cancellationToken);
        if (read == 0)
        {
            throw new IOException("The IMAP server closed the connection.");
        }

        length = read;
    }
}
