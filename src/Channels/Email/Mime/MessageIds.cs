namespace ContactHub.Channels.Email.Mime;

/// <summary>Message ids from Message-ID, In-Reply-To and References, returned without angle brackets.</summary>
internal static class MessageIds
{
    public static IReadOnlyList<string> ParseAll(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return [];
        var ids = new List<string>();
        var position = 0;
        while (position < raw.Length)
        {
            var open = raw.IndexOf('<', position);
            if (open < 0)
                break;
            var close = raw.IndexOf('>', open + 1);
            if (close < 0)
                break;
            var id = string.Concat(raw[(open + 1)..close].Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)));
            if (id.Length > 0)
                ids.Add(id);
            position = close + 1;
        }
        // Some mailers drop the brackets; then blank-separated tokens that look like ids are taken as they are.
        if (ids.Count == 0)
            ids.AddRange(raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(t => t.Contains('@')));
        return ids.AsReadOnly();
    }

    public static string? ParseFirst(string? raw) => ParseAll(raw) is [var first, ..] ? first : null;
}
