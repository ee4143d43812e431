using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Email.Smtp;

/// <summary>Builds an RFC 5322 reply: threading headers, RFC 2047 headers, MIME body in 7-bit encodings, CRLF lines of at most 998 octets.
/// Any CR or LF in a header input throws <see cref="ArgumentException"/>, so no input can add a header.</summary>
public sealed partial class ReplyComposer(TimeProvider? time = null)
{
    /// <summary>How many References are kept: the thread's first message plus the most recent ones (RFC 5322 3.6.4 allows trimming).</summary>
    public const int MaxReferences = 20;

    private const int FoldAt = 78;
    private const int MaxMessageIdLength = 250;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ComposedMessage Compose(ReplyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.To.Count == 0)
            throw new ArgumentException("a reply needs at least one To address", nameof(draft));
        var domain = Domain(CheckAddress(draft.From.Address));
        var messageId = $"{_time.GetUtcNow().ToUnixTimeMilliseconds():x}.{MimeWriting.RandomToken(12)}@{domain}";

        var sb = new StringBuilder();
        Header(sb, "From", Mailboxes([draft.From]));
        Header(sb, "To", Mailboxes(draft.To));
        if (draft.Cc.Count > 0)
            Header(sb, "Cc", Mailboxes(draft.Cc));
        if (draft.ReplyTo is not null)
            Header(sb, "Reply-To", Mailboxes([draft.ReplyTo]));
        Header(sb, "Subject", Text(ReplySubject(draft.Subject)));
        Header(sb, "Date", [FormatDate(_time.GetLocalNow())]);
        Header(sb, "Message-ID", [$"<{messageId}>"]);
        var inReplyTo = draft.InReplyTo is null ? null : CleanId(draft.InReplyTo);
        if (inReplyTo is not null)
            Header(sb, "In-Reply-To", [$"<{inReplyTo}>"]);
        var references = References(draft.References, inReplyTo);
        if (references.Count > 0)
            Header(sb, "References", references.Select(id => $"<{id}>").ToList());
        if (draft.IsAutomatic)
            Header(sb, "Auto-Submitted", ["auto-replied"]);
        Header(sb, "MIME-Version", ["1.0"]);
        WriteBody(sb, draft);
        return new ComposedMessage(Encoding.ASCII.GetBytes(sb.ToString()), messageId);
    }

    /// <summary>"Re: " + subject, unless the subject already starts with a reply prefix.</summary>
    public static string ReplySubject(string subject)
    {
        CheckHeaderText(subject, "subject");
        var trimmed = subject.Trim();
        return ReplyPrefix().IsMatch(trimmed) ? trimmed : "Re: " + trimmed;
    }

    [GeneratedRegex(@"^re\s*(\[\d+\])?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();

    private static void WriteBody(StringBuilder sb, ReplyDraft draft)
    {
        var text = TextPart("plain", draft.TextBody);
        var body = draft.HtmlBody is null ? text : Multipart("alternative", [text, TextPart("html", draft.HtmlBody)]);
        if (draft.Attachments.Count > 0)
            body = Multipart("mixed", [body, .. draft.Attachments.Select(AttachmentPart)]);
        sb.Append(body);
    }

    private static string TextPart(string subtype, string content)
    {
        var sb = new StringBuilder();
        Header(sb, "Content-Type", [$"text/{subtype};", "charset=utf-8"]);
        Header(sb, "Content-Transfer-Encoding", ["quoted-printable"]);
        return sb.Append("\r\n").Append(MimeWriting.QuotedPrintable(content)).Append("\r\n").ToString();
    }

    private static string AttachmentPart(ReplyAttachment attachment)
    {
        CheckHeaderText(attachment.FileName, "attachment file name");
        if (!MediaType().IsMatch(attachment.ContentType))
            throw new ArgumentException($"not a media type: {attachment.ContentType}", nameof(attachment));
        var sb = new StringBuilder();
        Header(sb, "Content-Type", WithParameters(attachment.ContentType.ToLowerInvariant(), MimeWriting.Parameter("name", attachment.FileName)));
        Header(sb, "Content-Disposition", WithParameters("attachment", MimeWriting.Parameter("filename", attachment.FileName)));
        Header(sb, "Content-Transfer-Encoding", ["base64"]);
        return sb.Append("\r\n").Append(MimeWriting.Base64Lines(attachment.Content.Span)).ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}$")]
    private static partial Regex MediaType();

    private static List<string> WithParameters(string value, IReadOnlyList<string> parameters)
    {
        var tokens = new List<string> { value + ";" };
        for (var i = 0; i < parameters.Count; i++)
            tokens.Add(parameters[i] + (i < parameters.Count - 1 ? ";" : ""));
        return tokens;
    }

    private static string Multipart(string subtype, IReadOnlyList<string> parts)
    {
        // "=_" cannot occur in quoted-printable or base64 output, so the boundary cannot collide with content.
        var boundary = "=_ch_" + MimeWriting.RandomToken(12);
        var sb = new StringBuilder();
        Header(sb, "Content-Type", [$"multipart/{subtype};", $"boundary=\"{boundary}\""]);
        sb.Append("\r\n");
        foreach (var part in parts)
            sb.Append("--").Append(boundary).Append("\r\n").Append(part);
        return sb.Append("--").Append(boundary).Append("--\r\n").ToString();
    }

    /// <summary>Writes "Name: token token ..." folded before a token that would pass 78 columns.</summary>
    private static void Header(StringBuilder sb, string name, IReadOnlyList<string> tokens)
    {
        var line = name.Length + 1;
        sb.Append(name).Append(':');
        foreach (var token in tokens)
        {
            if (line > name.Length + 1 && line + 1 + token.Length > FoldAt)
            {
                sb.Append("\r\n");
                line = 0;
            }
            sb.Append(' ').Append(token);
            line += 1 + token.Length;
        }
        sb.Append("\r\n");
    }

    /// <summary>Unstructured text as words; runs of words that are not plain ASCII (or are too long to fold, or look like an
    /// encoded word) become encoded words, so "Re: [#1042]" stays readable. A run is encoded whole because the space between
    /// two encoded words is dropped by decoders.</summary>
    private static List<string> Text(string text)
    {
        var tokens = new List<string>();
        var run = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var plain = Ascii.IsValid(word) && word.Length < 900 && !word.Contains("=?", StringComparison.Ordinal) && !word.Any(char.IsControl);
            if (!plain)
            {
                run.Add(word);
                continue;
            }
            Flush();
            tokens.Add(word);
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (run.Count == 0)
                return;
            tokens.AddRange(MimeWriting.EncodedWords(string.Join(' ', run)));
            run.Clear();
        }
    }

    private static List<string> Mailboxes(IReadOnlyList<MimeMailbox> mailboxes)
    {
        var tokens = new List<string>();
        for (var i = 0; i < mailboxes.Count; i++)
        {
            var address = CheckAddress(mailboxes[i].Address);
            var name = mailboxes[i].DisplayName ?? "";
            CheckHeaderText(name, "display name");
            var comma = i < mailboxes.Count - 1 ? "," : "";
            if (name.Trim().Length == 0)
            {
                tokens.Add(address + comma);
                continue;
            }
            tokens.AddRange(Phrase(name.Trim()));
            tokens.Add($"<{address}>{comma}");
        }
        return tokens;
    }

    private static IReadOnlyList<string> Phrase(string name)
    {
        if (!Ascii.IsValid(name) || name.Contains("=?", StringComparison.Ordinal) || name.Length > 200 || name.Any(char.IsControl))
            return MimeWriting.EncodedWords(name);
        if (name.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || "!#$%&'*+-/=?^_`{|}~".Contains(c)))
            return name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return ["\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""];
    }

    // REVIEW: internationalised (non-ASCII) addresses need SMTPUTF8 end to end; refused until a channel needs them.
    private static string CheckAddress(string address)
    {
        CheckHeaderText(address, "address");
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || !Ascii.IsValid(address) || address.Length > 254
            || address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || "<>()[],;:\\\"".Contains(c)))
            throw new ArgumentException($"not a plain e-mail address: {address}", nameof(address));
        return address;
    }

    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];

    private static void CheckHeaderText(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value, what);
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            throw new ArgumentException($"CR, LF or NUL in the {what}: refused so no header can be injected", what);
    }

    /// <summary>The id without brackets and whitespace; null when it is unusable (an id from a customer's mail must not break our headers).</summary>
    private static string? CleanId(string id)
    {
        CheckHeaderText(id, "message id");
        var clean = id.Trim().TrimStart('<').TrimEnd('>');
        return clean.Length is > 0 and <= MaxMessageIdLength && Ascii.IsValid(clean) && clean.Contains('@')
            && !clean.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '\\' or '(' or ')')
            ? clean
            : null;
    }

    private static List<string> References(IReadOnlyList<string> references, string? inReplyTo)
    {
        var ids = new List<string>();
        foreach (var reference in references)
        {
            if (CleanId(reference) is { } id && !ids.Contains(id))
                ids.Add(id);
        }
        if (inReplyTo is not null)
        {
            ids.Remove(inReplyTo);
            ids.Add(inReplyTo);
        }
        // Keep the thread's root and the newest ones; the middle matters least for threading.
        return ids.Count <= MaxReferences ? ids : [ids[0], .. ids.Skip(ids.Count - (MaxReferences - 1))];
    }

    private static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + $"{sign}{offset.Hours:00}{offset.Minutes:00}";
    }
}
