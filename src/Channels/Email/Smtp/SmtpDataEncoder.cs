namespace ContactHub.Channels.Email.Smtp;

/// <summary>Turns message bytes into the DATA payload: every line end CRLF, leading dots doubled, ending in CRLF "." CRLF.</summary>
public static class SmtpDataEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> content)
    {
        var output = new MemoryStream(content.Length + content.Length / 50 + 8);
        var atLineStart = true;
        for (var i = 0; i < content.Length; i++)
        {
            var b = content[i];
            if (b == (byte)'\r' || b == (byte)'\n')
            {
                // CRLF, lone LF and lone CR each end a line: a bare CR or LF is forbidden on the wire (RFC 5321 2.3.8).
                if (b == (byte)'\r' && i + 1 < content.Length && content[i + 1] == (byte)'\n')
                    i++;
                output.Write("\r\n"u8);
                atLineStart = true;
                continue;
            }
            if (atLineStart && b == (byte)'.')
                output.WriteByte((byte)'.');
            output.WriteByte(b);
            atLineStart = false;
        }
        if (!atLineStart)
            output.Write("\r\n"u8);
        output.Write(".\r\n"u8);
        return output.ToArray();
    }

    internal static bool HasEightBit(ReadOnlySpan<byte> content) => content.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
}
