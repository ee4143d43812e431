namespace ContactHub.Channels.Email.Mime;

/// <summary>Splits an entity into its unfolded header fields and the offset where its body begins.</summary>
internal static class HeaderBlock
{
    public readonly record struct RawField(string Name, string RawValue);

    public readonly record struct Result(IReadOnlyList<RawField> Fields, int BodyStart);

    /// <param name="isTopLevel">Only a whole message may begin with an mbox "From " separator line, which is skipped.</param>
    public static Result Read(ReadOnlySpan<byte> data, bool isTopLevel, WarningCollector warnings)
    {
        var fields = new List<RawField>();
        string? name = null;
        var value = new List<byte>();
        var position = isTopLevel ? SkipMboxSeparator(data) : 0;
        while (position < data.Length)
        {
            var next = Lines.Next(data, position, out var line);
            if (line.IsEmpty)
            {
                AddField(fields, name, value, warnings);
                return new Result(fields, next);
            }
            if (line[0] is (byte)' ' or (byte)'\t' && name is not null)
            {
                // Unfolding removes only the line break; the leading blank stays part of the value (RFC 5322 2.2.3).
                value.AddRange(line);
            }
            else if (TryFieldName(line, out var fieldName, out var valueStart))
            {
                AddField(fields, name, value, warnings);
                name = fieldName;
                value.Clear();
                value.AddRange(line[valueStart..]);
            }
            else
            {
                AddField(fields, name, value, warnings);
                // A message without any header field is reported once, by the reader, which sees every such case.
                if (fields.Count > 0)
                    warnings.Add(MimeWarningKind.MalformedHeader, "a line that is not a header field ended the header block early");
                return new Result(fields, position);
            }
            position = next;
        }
        AddField(fields, name, value, warnings);
        return new Result(fields, data.Length);
    }

    private static int SkipMboxSeparator(ReadOnlySpan<byte> data) =>
        data.StartsWith("From "u8) ? Lines.Next(data, 0, out _) : 0;

    private static bool TryFieldName(ReadOnlySpan<byte> line, out string name, out int valueStart)
    {
        name = "";
        valueStart = 0;
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
            return false;
        // "Subject :" (blank before the colon) is obsolete syntax that old mailers still send.
        var nameBytes = line[..colon].TrimEnd(" \t"u8);
        if (nameBytes.IsEmpty)
            return false;
        foreach (var b in nameBytes)
        {
            if (b is <= 32 or >= 127)
                return false;
        }
        name = System.Text.Encoding.ASCII.GetString(nameBytes);
        valueStart = colon + 1;
        return true;
    }

    private static void AddField(List<RawField> fields, string? name, List<byte> value, WarningCollector warnings)
    {
        if (name is null)
            return;
        if (value.Contains(0))
        {
            value.RemoveAll(b => b == 0);
            warnings.Add(MimeWarningKind.NulBytesRemoved, $"header {name}: NUL bytes removed");
        }
        // RFC 6532 allows raw UTF-8 in headers; older mailers send raw Latin-1, hence the guess.
        var text = Charsets.DecodeGuessing(value.ToArray());
        fields.Add(new RawField(name, text.Trim()));
        value.Clear();
    }
}
