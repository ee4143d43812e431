using System.Collections.Concurrent;
using ContactHub.Channels.Twilio;

namespace ContactHub.StandIns.Twilio;

/// <summary>
/// What Twilio learns from the messages passing through it: a handset that texted STOP to one of our numbers may not
/// be messaged from that number until it texts START. The simulator reports every customer text here, as the
/// carrier network would.
/// </summary>
public sealed class CarrierOptOuts
{
    private readonly ConcurrentDictionary<(string Customer, string OurNumber), bool> _optedOut = new();

    public void Observe(string customer, string ourNumber, string? body)
    {
        switch (SmsKeywords.Classify(body).Kind)
        {
            case SmsKeywordKind.OptOut:
                _optedOut[(customer, ourNumber)] = true;
                break;
            case SmsKeywordKind.OptIn:
                _optedOut.TryRemove((customer, ourNumber), out _);
                break;
        }
    }

    /// <param name="ourNumber">The sending number; null when a Messaging Service picks it, which blocks from any of ours.</param>
    public bool Blocks(string customer, string? ourNumber) =>
        ourNumber is null ? _optedOut.Keys.Any(k => k.Customer == customer) : _optedOut.ContainsKey((customer, ourNumber));
}
