using System.Text;

namespace ContactHub.Channels.Email.Mime;

/// <summary>A Content-Type or Content-Disposition value: "main; name=value; name*=charset''%xx ..." with parameters decoded.</summary>
internal sealed record HeaderParameters(string Value, IReadOnlyDictionary<string, string> Parameters)
{
    public string? this[string name] => Parameters.GetValueOrDefault(name);

    public static HeaderParameters Parse(string raw, WarningCollector warnings)
    {
        var reader = new ParameterScanner(raw);
        var value = reader.ReadMainValue();
        var pieces = new List<(string Name, string Value)>();
        while (reader.TryReadParameter(out var name, out var parameterValue))
            pieces.Add((name, parameterValue));
        return new HeaderParameters(value, Assemble(pieces, warnings));
    }

    /// <summary>Joins RFC 2231 sections (name*0*=, name*1*=, name*=) and lets them win over a plain name= of the same parameter.</summary>
    private static Dictionary<string, string> Assemble(List<(string Name, string Value)> pieces, WarningCollector warnings)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var extended = new Dictionary<string, SortedDictionary<int, (string Value, bool Encoded)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in pieces)
        {
            if (!Rfc2231Name.TryParse(name, out var baseName, out var section, out var encoded))
            {
                result.TryAdd(name, HeaderText.Decode(value, warnings));
                continue;
            }
            if (!extended.TryGetValue(baseName, out var sections))
                extended[baseName] = sections = new SortedDictionary<int, (string, bool)>();
            sections.TryAdd(section, (value, encoded));
        }
        foreach (var (baseName, sections) in extended)
            result[baseName] = JoinSections(sections, warnings);
        return result;
    }

    private static string JoinSections(SortedDictionary<int, (string Value, bool Encoded)> sections, WarningCollector warnings)
    {
        string? charset = null;
        var bytes = new List<byte>();
        foreach (var (index, (value, encoded)) in sections)
        {
            var text = value;
            if (encoded && index == 0)
            {
                // Only the first section carries charset'language'.
                var parts = text.Split('\'', 3);
                if (parts.Length == 3)
                {
                    charset = parts[0];
                    text = parts[2];
                }
            }
            bytes.AddRange(encoded ? PercentDecode(text) : Encoding.UTF8.GetBytes(text));
        }
        return HeaderText.SingleLine(Charsets.Decode(bytes.ToArray(), charset, warnings, "RFC 2231 parameter"));
    }

    private static byte[] PercentDecode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Hex.TryPair((byte)text[i + 1], (byte)text[i + 2], out var value))
            {
                bytes.Add(value);
                i += 2;
            }
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return bytes.ToArray();
    }
}
