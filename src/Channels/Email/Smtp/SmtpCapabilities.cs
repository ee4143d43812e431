namespace ContactHub.Channels.Email.Smtp;

/// <summary>The EHLO extensions this client uses.</summary>
public sealed record SmtpCapabilities
{
    public bool StartTls { get; init; }
    public bool Pipelining { get; init; }
    public bool EightBitMime { get; init; }
    public bool SmtpUtf8 { get; init; }

    /// <summary>True when SIZE was announced; <see cref="MaxSize"/> is 0 when the server named no limit.</summary>
    public bool Size { get; init; }
    public long MaxSize { get; init; }

    /// <summary>Upper-case SASL mechanism names, e.g. PLAIN, LOGIN.</summary>
    public IReadOnlySet<string> AuthMechanisms { get; init; } = new HashSet<string>();

    public static SmtpCapabilities Parse(SmtpReply ehloReply)
    {
        var caps = new SmtpCapabilities();
        var mechanisms = new HashSet<string>(StringComparer.Ordinal);
        // The first line is the server's greeting name; every later line is one extension.
        foreach (var line in ehloReply.Lines.Skip(1))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            var keyword = words[0].ToUpperInvariant();
            caps = keyword switch
            {
                "STARTTLS" => caps with { StartTls = true },
                "PIPELINING" => caps with { Pipelining = true },
                "8BITMIME" => caps with { EightBitMime = true },
                "SMTPUTF8" => caps with { SmtpUtf8 = true },
                "SIZE" => caps with
                {
                    Size = true,
                    MaxSize = words.Length > 1 && long.TryParse(words[1], out var max) && max > 0 ? max : 0,
                },
                _ => caps,
            };
            // "AUTH=PLAIN LOGIN" is what some old servers send besides (or instead of) "AUTH PLAIN LOGIN".
            if (keyword == "AUTH" || keyword.StartsWith("AUTH=", StringComparison.Ordinal))
            {
                var names = keyword == "AUTH" ? words.Skip(1) : [keyword[5..], .. words.Skip(1)];
                foreach (var name in names)
                    mechanisms.Add(name.ToUpperInvariant());
            }
        }
        return caps with { AuthMechanisms = mechanisms };
    }
}
