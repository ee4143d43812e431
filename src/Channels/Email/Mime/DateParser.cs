using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactHub.Channels.Email.Mime;

/// <summary>RFC 5322 dates ("Tue, 10 Mar 2026 10:12:44 +0100 (CET)"), including obsolete zone names and two-digit years.</summary>
internal static partial class DateParser
{
    private const int MaxLength = 200;

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0,
        ["EDT"] = -4, ["EST"] = -5, ["CDT"] = -5, ["CST"] = -6,
        ["MDT"] = -6, ["MST"] = -7, ["PDT"] = -7, ["PST"] = -8,
    };

    [GeneratedRegex(@"^(?:[A-Za-z]+\s*,?\s*)?(\d{1,2})\s+([A-Za-z]+)\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc5322Date();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Comment();

    public static DateTimeOffset? Parse(string? raw, WarningCollector warnings)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        // A real date is about 40 characters; the cap keeps the regexes cheap on hostile input.
        if (raw.Length > MaxLength)
        {
            warnings.Add(MimeWarningKind.MalformedDate, $"Date header of {raw.Length} characters ignored");
            return null;
        }
        var text = Comment().Replace(raw, " ").Trim();
        var parsed = TryRfc5322(text) ?? TryAnyInvariant(text);
        if (parsed is null)
            warnings.Add(MimeWarningKind.MalformedDate, $"Date '{HeaderText.SingleLine(raw)}' could not be read");
        return parsed;
    }

    private static DateTimeOffset? TryRfc5322(string text)
    {
        var match = Rfc5322Date().Match(text);
        if (!match.Success)
            return null;
        var month = Array.IndexOf(Months, match.Groups[2].Value.ToLowerInvariant()[..Math.Min(3, match.Groups[2].Value.Length)]) + 1;
        if (month == 0)
            return null;
        var year = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        // RFC 5322 4.3: two-digit years below 50 are 20xx, others 19xx; three digits add 1900.
        year = match.Groups[3].Value.Length switch { 2 => year < 50 ? 2000 + year : 1900 + year, 3 => 1900 + year, _ => year };
        var offset = ZoneOffset(match.Groups[7].Value);
        try
        {
            return new DateTimeOffset(
                year, month, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture),
                match.Groups[6].Success ? Math.Min(59, int.Parse(match.Groups[6].Value, CultureInfo.InvariantCulture)) : 0,
                offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Unknown zone names (and military letters, which RFC 5322 says to treat as unknown) read as +0000.</summary>
    private static TimeSpan ZoneOffset(string zone)
    {
        if (zone.Length == 5 && zone[0] is '+' or '-')
        {
            var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture);
            if (hours > 14 || minutes > 59)
                return TimeSpan.Zero;
            var span = new TimeSpan(hours, minutes, 0);
            return zone[0] == '-' ? -span : span;
        }
        return TimeSpan.FromHours(ZoneHours.GetValueOrDefault(zone, 0));
    }

    private static DateTimeOffset? TryAnyInvariant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
}
