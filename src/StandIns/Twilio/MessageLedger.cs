namespace ContactHub.StandIns.Twilio;

/// <summary>Every message the stand-in accepted, in order, with its latest status: what GET /_standin/messages shows.</summary>
public sealed class MessageLedger
{
    private readonly Lock gate = new();
    private readonly List<string> order = [];
    private readonly Dictionary<string, MessageResource> bySid = new(StringComparer.Ordinal);

    public void Add(MessageResource message)
    {
        lock (gate)
        {
            order.Add(message.Sid);
            bySid[message.Sid] = message;
        }
    }

    public void Update(string sid, Func<MessageResource, MessageResource> change)
    {
        lock (gate)
        {
            if (bySid.TryGetValue(sid, out var current))
            {
                bySid[sid] = change(current);
            }
        }
    }

    public IReadOnlyList<MessageResource> Snapshot()
    {
        lock (gate)
        {
            return order.Select(sid => bySid[sid]).ToList();
        }
    }
}
