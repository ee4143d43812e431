namespace ContactHub.Channels.Email.Mime;

/// <summary>Line scanning that accepts both CRLF and the bare LF of mail stored on Unix.</summary>
internal static class Lines
{
    /// <summary>Gives the line starting at position without its line break; returns where the next line starts.</summary>
    public static int Next(ReadOnlySpan<byte> data, int position, out ReadOnlySpan<byte> line)
    {
        var rest = data[position..];
        var lf = rest.IndexOf((byte)'\n');
        if (lf < 0)
        {
            line = TrimCarriageReturn(rest);
            return data.Length;
        }
        line = TrimCarriageReturn(rest[..lf]);
        return position + lf + 1;
    }

    /// <summary>The index where the line break ending before position begins (the CR of a CRLF, else the LF).</summary>
    public static int BreakStartBefore(ReadOnlySpan<byte> data, int position)
    {
        if (position > 0 && data[position - 1] == (byte)'\n')
        {
            position--;
            if (position > 0 && data[position - 1] == (byte)'\r')
                position--;
        }
        return position;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
