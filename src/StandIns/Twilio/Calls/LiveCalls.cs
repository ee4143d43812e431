using System.Collections.Concurrent;

namespace ContactHub.StandIns.Twilio.Calls;

/// <summary>A call the stand-in is carrying, and the TwiML the hub last gave it.</summary>
public sealed record LiveCall(string CallSid, string From, string To)
{
    public bool Completed { get; set; }

    public string? LatestTwiml { get; set; }
}

/// <summary>The calls the stand-in's network is carrying: what the Calls API can redirect, and what it must refuse.</summary>
public sealed class LiveCalls
{
    private readonly ConcurrentDictionary<string, LiveCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string CallSid, string Twiml)> _updates = new();

    public LiveCall Start(string callSid, string from, string to) => _calls.GetOrAdd(callSid, sid => new LiveCall(sid, from, to));

    public LiveCall? Find(string callSid) => _calls.GetValueOrDefault(callSid);

    public void Complete(string callSid)
    {
        if (_calls.TryGetValue(callSid, out var call))
        {
            call.Completed = true;
        }
    }

    public void RecordUpdate(LiveCall call, string twiml)
    {
        call.LatestTwiml = twiml;
        _updates.Enqueue((call.CallSid, twiml));
    }

    /// <summary>The calls carried so far with their latest TwiML, for inspection (the demo's "placed calls" page, tests).</summary>
    public IReadOnlyList<LiveCall> Snapshot() => [.. _calls.Values];

    /// <summary>Every TwiML update accepted, oldest first, for inspection.</summary>
    public IReadOnlyList<(string CallSid, string Twiml)> Updates() => [.. _updates];
}
