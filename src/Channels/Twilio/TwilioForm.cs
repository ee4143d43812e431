namespace ContactHub.Channels.Twilio;

/// <summary>
/// A webhook's form fields as received. The signature covers every pair (repeats included), while the mappers
/// read one value per name.
/// </summary>
public sealed class TwilioForm
{
    public TwilioForm(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        Pairs = pairs;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            fields.TryAdd(name, value);
        }
        Fields = fields;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }
}
