using System.Globalization;
using System.Text;

namespace ContactHub.StandIns.Simulator.Email;

/// <summary>
/// Writes the RFC 5322 messages simulated customers send: a new thread, an answer to the hub's reply, a nudge on
/// their own message. Replies carry In-Reply-To and References the way mail clients write them, so the hub threads them.
/// </summary>
public static class CustomerMail
{
    /// <param name="InReplyTo">The Message-ID answered, without brackets; null starts a thread.</param>
    /// <param name="References">The thread's ids, oldest first, without brackets.</param>
    public sealed record Draft(EmailCustomer From, string To, string Subject, string Text, string? Html = null, string? InReplyTo = null, IReadOnlyList<string>? References = null);

    /// <summary>The message bytes and the Message-ID (without brackets) they carry.</summary>
    public static (byte[] Content, string MessageId) Write(Draft draft, DateTimeOffset date)
    {
        var domain = draft.From.Address[(draft.From.Address.IndexOf('@') + 1)..];
        var messageId = $"sim-{Guid.NewGuid():N}@{domain}";
        var mail = new StringBuilder()
            .Append($"From: {Phrase(draft.From.Name)} <{draft.From.Address}>\r\n")
            .Append($"To: Support <{draft.To}>\r\n")
            .Append($"Subject: {Phrase(draft.Subject)}\r\n")
            .Append($"Date: {date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)}\r\n")
            .Append($"Message-ID: <{messageId}>\r\n");
        if (draft.InReplyTo is { } inReplyTo)
        {
            mail.Append($"In-Reply-To: <{inReplyTo}>\r\n");
        }
        if (draft.References is { Count: > 0 } references)
        {
            mail.Append($"References: {string.Join("\r\n ", references.Select(r => $"<{r}>"))}\r\n");
        }
        mail.Append("MIME-Version: 1.0\r\nUser-Agent: ContactHub customer simulator\r\n");
        if (draft.Html is null)
        {
            mail.Append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").Append(Crlf(draft.Text)).Append("\r\n");
        }
        else
        {
            var boundary = "=_sim_" + Guid.NewGuid().ToString("N");
            mail.Append($"Content-Type: multipart/alternative; boundary=\"{boundary}\"\r\n\r\n")
                .Append($"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").Append(Crlf(draft.Text)).Append("\r\n")
                .Append($"--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .Append($"<html><body>{draft.Html}</body></html>\r\n")
                .Append($"--{boundary}--\r\n");
        }
        return (Encoding.UTF8.GetBytes(mail.ToString()), messageId);
    }

    /// <summary>"Re: " once, however deep the thread.</summary>
    public static string ReplySubject(string subject) =>
        subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;

    /// <summary>The answered text quoted below the customer's words, as mail clients do.</summary>
    public static string WithQuote(string text, string quotedAuthor, string quotedText) =>
        text + $"\n\n{quotedAuthor} wrote:\n" + string.Join("\n", quotedText.Split('\n').Select(line => "> " + line.TrimEnd('\r')));

    /// <summary>ASCII as is; anything else as RFC 2047 encoded words (short ones, each within the 75-character limit).</summary>
    private static string Phrase(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return text;
        }
        var words = new List<string>();
        var bytes = Encoding.UTF8.GetBytes(text);
        var start = 0;
        while (start < bytes.Length)
        {
            var length = Math.Min(45, bytes.Length - start);
            // Never split a UTF-8 sequence: back up to the start of a character.
            while (start + length < bytes.Length && (bytes[start + length] & 0xC0) == 0x80)
            {
                length--;
            }
            words.Add("=?UTF-8?B?" + Convert.ToBase64String(bytes, start, length) + "?=");
            start += length;
        }
        return string.Join("\r\n ", words);
    }

    private static string Crlf(string text) => text.ReplaceLineEndings("\r\n");
}
