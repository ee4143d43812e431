using System.Text;

namespace ContactHub.Channels.Email.Mime;

/// <summary>Cuts a multipart body into its parts at "--boundary" lines; preamble and epilogue are not content.</summary>
internal static class MultipartSplitter
{
    public readonly record struct Result(IReadOnlyList<ReadOnlyMemory<byte>> Parts, bool BoundaryFound, bool Closed);

    public static Result Split(ReadOnlyMemory<byte> body, string boundary)
    {
        var parts = new List<ReadOnlyMemory<byte>>();
        if (boundary.Length == 0)
            return new Result(parts, false, false);
        var delimiter = Encoding.UTF8.GetBytes("--" + boundary);
        var data = body.Span;
        var partStart = -1;
        var position = 0;
        while (position < data.Length)
        {
            var next = Lines.Next(data, position, out var line);
            var kind = Classify(line, delimiter);
            if (kind != Delimiter.None)
            {
                // The line break before a delimiter belongs to the delimiter (RFC 2046 5.1.1), not to the part.
                if (partStart >= 0)
                    parts.Add(body[partStart..Math.Max(partStart, Lines.BreakStartBefore(data, position))]);
                if (kind == Delimiter.Close)
                    return new Result(parts, true, true);
                partStart = next;
            }
            position = next;
        }
        if (partStart >= 0)
            parts.Add(body[Math.Min(partStart, data.Length)..]);
        return new Result(parts, partStart >= 0, false);
    }

    private enum Delimiter { None, Open, Close }

    /// <summary>After the boundary only blanks may follow, else "--abc" would also match the inner boundary "--abc-1".</summary>
    private static Delimiter Classify(ReadOnlySpan<byte> line, ReadOnlySpan<byte> delimiter)
    {
        if (!line.StartsWith(delimiter))
            return Delimiter.None;
        var rest = line[delimiter.Length..];
        if (rest.StartsWith("--"u8))
            return Delimiter.Close;
        return rest.Trim(" \t"u8).IsEmpty ? Delimiter.Open : Delimiter.None;
    }
}
