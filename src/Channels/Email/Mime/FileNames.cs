namespace ContactHub.Channels.Email.Mime;

internal static class FileNames
{
    /// <summary>Keeps only the last path segment and drops control characters, so a name like "..\..\x.exe" cannot point
    /// anywhere when someone saves the file.</summary>
    public static string? Sanitize(string? name)
    {
        if (name is null)
            return null;
        var single = HeaderText.SingleLine(name);
        var lastSeparator = single.LastIndexOfAny(['/', '\\']);
        var segment = single[(lastSeparator + 1)..].Trim();
        return segment is "" or "." or ".." ? null : segment;
    }
}
