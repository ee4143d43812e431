namespace ContactHub.Channels.Email.Mime;

/// <summary>Reads RFC 2231 parameter names: "name*" (encoded), "name*3" (section), "name*3*" (encoded section).</summary>
internal static class Rfc2231Name
{
    public static bool TryParse(string name, out string baseName, out int section, out bool encoded)
    {
        baseName = name;
        section = 0;
        encoded = false;
        var star = name.IndexOf('*');
        if (star <= 0)
            return false;
        baseName = name[..star];
        var rest = name[(star + 1)..];
        if (rest.Length == 0)
        {
            encoded = true;
            return true;
        }
        if (rest.EndsWith('*'))
        {
            encoded = true;
            rest = rest[..^1];
        }
        // A section number is capped so "name*99999999" cannot make a huge sparse join.
        return int.TryParse(rest, System.Globalization.NumberStyles.None, null, out section) && section < 1000;
    }
}
