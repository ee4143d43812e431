using ContactHub.Channels.Email.Mime;

namespace ContactHub.StandIns.Simulator.Email;

/// <summary>One reply the hub sent to a simulated customer, as the SMTP relay stored it.</summary>
public sealed record HubAnswer(EmailCustomer Customer, MimeMessage Message);

/// <summary>
/// Finds the hub's replies to simulated customers in the SMTP relay's Maildir (new/ and cur/), each once: a file
/// already looked at is never offered again.
/// </summary>
public sealed class HubAnswers(string maildir)
{
    private readonly HashSet<string> _seen = [];
    private readonly MimeReader _reader = new();

    public IReadOnlyList<HubAnswer> TakeNew()
    {
        var answers = new List<HubAnswer>();
        if (maildir.Length == 0)
        {
            return answers;
        }
        foreach (var folder in new[] { "new", "cur" })
        {
            var path = Path.Combine(maildir, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
            {
                // Maildir delivery renames a finished file into new/; a file once seen keeps its unique base name.
                if (!_seen.Add(Path.GetFileName(file).Split(':')[0]))
                {
                    continue;
                }
                var message = _reader.Read(File.ReadAllBytes(file));
                var customer = EmailCustomers.Pool.FirstOrDefault(c => message.To.Any(t => string.Equals(t.Address, c.Address, StringComparison.OrdinalIgnoreCase)));
                if (customer is not null && message.MessageId is not null)
                {
                    answers.Add(new HubAnswer(customer, message));
                }
            }
        }
        return answers;
    }
}
