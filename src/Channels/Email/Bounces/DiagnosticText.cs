using System.Text.RegularExpressions;

namespace ContactHub.Channels.Email.Bounces;

/// <summary>
/// Turns a Diagnostic-Code ("smtp; 550-5.1.1 The email account ... 550 5.1.1 ... - gsmtp") into the sentence an agent
/// reads: without the diagnostic type, the SMTP reply codes and the line-continuation noise.
/// </summary>
internal static partial class DiagnosticText
{
    private const int MaxLength = 300;

    public static string? Readable(string? diagnosticCode)
    {
        if (string.IsNullOrWhiteSpace(diagnosticCode))
        {
            return null;
        }
        var text = DiagnosticType().Replace(diagnosticCode, "", 1);
        text = ReplyCodes().Replace(text, " ");
        text = LeadingCode().Replace(text, "", 1);
        text = Blanks().Replace(text, " ").Trim().TrimStart('-', ':', ' ');
        if (text.Length == 0)
        {
            return null;
        }
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)].TrimEnd() + "…";
    }

    /// <summary>"smtp;", "X-Postfix;", "X-Unix;" (RFC 3464 diagnostic-type).</summary>
    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9-]*\s*;", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticType();

    /// <summary>"550 5.1.1" or "550-5.1.1" wherever a line of a multi-line reply starts (Gmail's are folded into one).</summary>
    [GeneratedRegex(@"(?<=^|\s)[245]\d\d[ -]\s*[245]\.\d{1,3}\.\d{1,3}(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyCodes();

    /// <summary>A leading bare reply code ("550 User unknown") or enhanced code; a number later in the text is left alone.</summary>
    [GeneratedRegex(@"^\s*(?:[245]\d\d(?:[ -]|$))?\s*(?:[245]\.\d{1,3}\.\d{1,3}(?=\s|$))?", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingCode();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Blanks();
}
