using System.Globalization;
using System.Text;

namespace ContactHub.Core.Files;

/// <summary>
/// File names come from customers. The store keeps only the last path segment, without control or bidirectional
/// formatting characters (which can disguise "invoice‮fdp.exe"), capped in length. The console still shows names as
/// text only; this makes them safe to save under, too.
/// </summary>
public static class FileNameText
{
    public const int MaxLength = 200;

    public const string Fallback = "attachment";

    public static string Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }
        var segment = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(Math.Min(segment.Length, MaxLength));
        foreach (var rune in segment.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }
            if (kept.Length + rune.Utf16SequenceLength > MaxLength)
            {
                break;
            }
            kept.Append(rune.ToString());
        }
        // Trailing dots and spaces are dropped by Windows when saving, which can change the visible extension.
        var cleaned = kept.ToString().Trim().TrimEnd('.', ' ');
        return cleaned is "" or "." or ".." ? Fallback : cleaned;
    }
}
