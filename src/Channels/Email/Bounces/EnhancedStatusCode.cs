using System.Text.RegularExpressions;

namespace ContactHub.Channels.Email.Bounces;

/// <summary>RFC 3463 enhanced mail status codes ("5.1.1"): finding them in text and saying what they mean.</summary>
internal static partial class EnhancedStatusCode
{
    /// <summary>The first enhanced status code in the text, or null.</summary>
    public static string? Find(string text) => Pattern().Match(text) is { Success: true } match ? match.Value : null;

    /// <summary>
    /// Exim and others report a generic "5.0.0" while the remote server's reply names the real cause ("550 5.1.1"):
    /// the specific code of the same class wins.
    /// </summary>
    public static string? MostSpecific(string? status, string? diagnostic)
    {
        var fromDiagnostic = diagnostic is null ? null : Find(diagnostic);
        if (status is null)
        {
            return fromDiagnostic;
        }
        return status.EndsWith(".0.0", StringComparison.Ordinal) && fromDiagnostic is not null && fromDiagnostic[0] == status[0]
            ? fromDiagnostic
            : status;
    }

    /// <summary>The meaning RFC 3463 gives the code, as a sentence an agent can act on; null for an unknown or missing code.</summary>
    public static string? Meaning(string? code)
    {
        if (code is null || code.Length < 5)
        {
            return null;
        }
        var detail = code[2..] switch
        {
            "1.1" => "The mailbox does not exist",
            "1.2" => "The recipient's domain does not exist or accepts no mail",
            "1.3" => "The address is not valid",
            "1.10" => "The recipient's domain accepts no mail",
            "2.1" => "The mailbox is disabled",
            "2.2" => "The mailbox is full",
            "2.3" => "The message is larger than the mailbox accepts",
            "3.4" => "The message is larger than the mail system accepts",
            "4.1" => "The recipient's mail server did not answer",
            "4.4" => "No route to the recipient's mail server",
            "4.7" => "Delivery took too long and was given up",
            "7.1" => "The recipient's mail server refused the message",
            _ => null,
        };
        return detail ?? code[0] switch
        {
            '5' => "The message could not be delivered",
            '4' => "Delivery is delayed",
            _ => null,
        };
    }

    [GeneratedRegex(@"(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.]*\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
