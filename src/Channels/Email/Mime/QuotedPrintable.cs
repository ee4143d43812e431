namespace ContactHub.Channels.Email.Mime;

/// <summary>RFC 2045 quoted-printable, lenient: a broken "=" sequence is kept literally rather than dropped.</summary>
internal static class QuotedPrintable
{
    public static byte[] Decode(ReadOnlySpan<byte> input)
    {
        var output = new byte[input.Length];
        var length = 0;
        var i = 0;
        while (i < input.Length)
        {
            var b = input[i];
            if (b != (byte)'=')
            {
                output[length++] = b;
                i++;
                continue;
            }
            if (i + 2 < input.Length && Hex.TryPair(input[i + 1], input[i + 2], out var decoded))
            {
                output[length++] = decoded;
                i += 3;
                continue;
            }
            var softBreakEnd = SoftLineBreakEnd(input, i + 1);
            if (softBreakEnd >= 0)
            {
                i = softBreakEnd;
                continue;
            }
            output[length++] = b;
            i++;
        }
        return output.AsSpan(0, length).ToArray();
    }

    /// <summary>"=" then optional trailing blanks then a line break (CRLF or bare LF) or the end of input is a soft break.</summary>
    private static int SoftLineBreakEnd(ReadOnlySpan<byte> input, int start)
    {
        var j = start;
        while (j < input.Length && input[j] is (byte)' ' or (byte)'\t')
            j++;
        if (j == input.Length)
            return j;
        if (input[j] == (byte)'\n')
            return j + 1;
        if (input[j] == (byte)'\r' && j + 1 < input.Length && input[j + 1] == (byte)'\n')
            return j + 2;
        return -1;
    }
}
