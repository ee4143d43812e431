namespace ContactHub.Channels.Email.Mime;

/// <summary>Base64 that keeps whatever decodes: whitespace is ignored, missing padding tolerated, foreign characters skipped.</summary>
internal static class Base64
{
    public readonly record struct Result(byte[] Bytes, bool Damaged);

    public static Result Decode(ReadOnlySpan<byte> input)
    {
        var output = new byte[input.Length / 4 * 3 + 3];
        var length = 0;
        var damaged = false;
        Span<int> quantum = stackalloc int[4];
        var filled = 0;
        foreach (var c in input)
        {
            var value = SextetOf(c);
            if (value >= 0)
            {
                quantum[filled++] = value;
                if (filled == 4)
                {
                    length += Flush(quantum, 4, output.AsSpan(length));
                    filled = 0;
                }
            }
            else if (c == (byte)'=')
            {
                // Padding ends a quantum; what follows may be another base64 chunk glued on by a careless mailer.
                if (filled == 1)
                    damaged = true;
                length += Flush(quantum, filled, output.AsSpan(length));
                filled = 0;
            }
            else if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                damaged = true;
            }
        }
        if (filled == 1)
            damaged = true;
        length += Flush(quantum, filled, output.AsSpan(length));
        return new Result(output.AsSpan(0, length).ToArray(), damaged);
    }

    /// <summary>Writes the bytes a partial or full quantum carries: 2 sextets give 1 byte, 3 give 2, 4 give 3; a lone sextet gives none.</summary>
    private static int Flush(ReadOnlySpan<int> quantum, int filled, Span<byte> destination)
    {
        if (filled < 2)
            return 0;
        var bits = 0;
        for (var k = 0; k < 4; k++)
            bits = (bits << 6) | (k < filled ? quantum[k] : 0);
        destination[0] = (byte)(bits >> 16);
        if (filled >= 3)
            destination[1] = (byte)(bits >> 8);
        if (filled == 4)
            destination[2] = (byte)bits;
        return filled - 1;
    }

    private static int SextetOf(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };
}
