using System.Text;
using System.Text.Unicode;

namespace ContactHub.Channels.Email.Mime;

/// <summary>Turns bytes labelled with a MIME charset into text, falling back the way real mail needs.</summary>
internal static class Charsets
{
    public static readonly Encoding Windows1252;

    static Charsets()
    {
        // Registering in the static constructor makes it happen exactly once, before any lookup.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    /// <summary>The encoding for a charset label, or null when unknown. ISO-8859-1 maps to windows-1252 because
    /// mailers label 1252 text (curly quotes, euro sign) as Latin-1, and 1252 is a superset of its printable range.</summary>
    public static Encoding? Find(string? label)
    {
        var name = (label ?? "").Trim().Trim('"', '\'').ToLowerInvariant();
        if (name.Length == 0)
            return null;
        switch (name)
        {
            case "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "latin1" or "latin-1" or "l1" or "cp819" or "windows-1252" or "cp1252":
                return Windows1252;
            case "utf8" or "utf-8":
                return Encoding.UTF8;
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // UTF-7 and other labels .NET refuses are unknown to us too.
            return null;
        }
    }

    /// <summary>True for labels that promise nothing beyond ASCII, where 8-bit bytes mean the label is simply wrong.</summary>
    public static bool IsAsciiOrAbsent(string? label)
    {
        var name = (label ?? "").Trim().Trim('"').ToLowerInvariant();
        return name is "" or "us-ascii" or "ascii" or "us_ascii" or "ansi_x3.4-1968";
    }

    /// <summary>Decodes with the labelled charset; an unknown or ASCII label falls back to UTF-8 when the bytes are valid UTF-8, else windows-1252.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? label, WarningCollector warnings, string where)
    {
        if (IsAsciiOrAbsent(label))
            return DecodeGuessing(bytes);
        var encoding = Find(label);
        if (encoding is null)
        {
            warnings.Add(MimeWarningKind.UnknownCharset, $"{where}: unknown charset '{label}', read as UTF-8 or windows-1252");
            return DecodeGuessing(bytes);
        }
        if (encoding.CodePage == Encoding.UTF8.CodePage)
            return DecodeUtf8(bytes, warnings, where);
        return encoding.GetString(bytes);
    }

    public static string DecodeGuessing(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? DecodeUtf8WithoutBom(bytes) : Windows1252.GetString(bytes);

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, WarningCollector warnings, string where)
    {
        if (!Utf8.IsValid(bytes))
            warnings.Add(MimeWarningKind.InvalidCharacters, $"{where}: invalid UTF-8 replaced with U+FFFD");
        return DecodeUtf8WithoutBom(bytes);
    }

    private static string DecodeUtf8WithoutBom(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
}
