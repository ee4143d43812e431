using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;

namespace ContactHub.Agents.Blazor.History;

/// <summary>
/// The slice of a contact's timeline that one console holds: a contiguous run of interactions, oldest
/// first, with no gaps. Pages from the store and single rows from live events merge into it by id, so an
/// event that arrives twice or out of order cannot duplicate or reorder anything.
/// </summary>
public sealed class TimelineWindow
{
    /// <summary>
    /// Beyond this many rows the oldest are dropped when new ones arrive, so a busy contact cannot grow a
    /// circuit past its memory budget; only the agent asking for "Load earlier" grows it further.
    /// </summary>
    public const int MaxItems = 600;

    private List<Interaction> _items = [];

    public IReadOnlyList<Interaction> Items => _items;

    /// <summary>True when the store may hold older interactions than the first one here.</summary>
    public bool HasEarlier { get; private set; }

    public long? OldestId => _items.Count == 0 ? null : _items[0].Id;

    /// <summary>Starts over from the newest page.</summary>
    public void Reset(IReadOnlyList<Interaction> newestPage, int pageSize)
    {
        _items = Sorted(newestPage);
        HasEarlier = newestPage.Count >= pageSize;
    }

    /// <summary>Adds the page that comes before <see cref="OldestId"/>.</summary>
    public void PrependEarlier(IReadOnlyList<Interaction> earlierPage, int pageSize)
    {
        _items = Union(earlierPage, _items);
        HasEarlier = earlierPage.Count >= pageSize;
    }

    /// <summary>
    /// Merges a fresh newest page (after live events). A full page that starts after everything held may
    /// have skipped rows in between; then the window restarts from that page rather than show a hole.
    /// </summary>
    public void ApplyNewest(IReadOnlyList<Interaction> newestPage, int pageSize)
    {
        if (newestPage.Count == 0)
        {
            return;
        }
        if (_items.Count > 0 && newestPage.Count >= pageSize && newestPage.Min(i => i.Id) > _items[^1].Id)
        {
            _items = Sorted(newestPage);
            HasEarlier = true;
            return;
        }
        _items = Union(_items, newestPage);
        Trim();
    }

    /// <summary>
    /// Merges one interaction (a reply just sent, a row re-read after a status change). One older than the
    /// window is left for "Load earlier", since adding it would leave a hole.
    /// </summary>
    public bool Upsert(Interaction interaction)
    {
        if (_items.Count > 0 && HasEarlier && interaction.Id < _items[0].Id)
        {
            return false;
        }
        _items = Union(_items, [interaction]);
        Trim();
        return true;
    }

    public bool Contains(long interactionId) => IndexOf(interactionId) >= 0;

    /// <summary>True where the timeline moves into another conversation, so the view can mark the boundary.</summary>
    public static bool StartsConversation(Interaction? previous, Interaction current) =>
        previous is null || previous.ConversationId != current.ConversationId;

    private int IndexOf(long interactionId)
    {
        var low = 0;
        var high = _items.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var id = _items[middle].Id;
            if (id == interactionId)
            {
                return middle;
            }
            if (id < interactionId)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return -1;
    }

    private void Trim()
    {
        if (_items.Count > MaxItems)
        {
            _items.RemoveRange(0, _items.Count - MaxItems);
            HasEarlier = true;
        }
    }

    private static List<Interaction> Sorted(IEnumerable<Interaction> items) =>
        items.DistinctBy(i => i.Id).OrderBy(i => i.Id).ToList();

    /// <summary>Later rows win over earlier ones with the same id, except that a delivery status never goes back.</summary>
    private static List<Interaction> Union(IEnumerable<Interaction> first, IEnumerable<Interaction> second)
    {
        var byId = new Dictionary<long, Interaction>();
        foreach (var interaction in first.Concat(second))
        {
            byId[interaction.Id] = byId.TryGetValue(interaction.Id, out var held) ? Newer(held, interaction) : interaction;
        }
        return byId.Values.OrderBy(i => i.Id).ToList();
    }

    private static Interaction Newer(Interaction held, Interaction incoming) =>
        Rank(incoming) < Rank(held) ? held : incoming;

    // A customer's call has its own lifecycle (waiting in the queue comes before ringing the agent); messages and the
    // calls agents place (queued with Twilio, then ringing the customer) rank by the outbox's ladder.
    private static int Rank(Interaction interaction) =>
        interaction is { Channel: ChannelKind.Voice, Direction: InteractionDirection.In } ? CallStatus.Rank(interaction.Status) : DeliveryStatus.Rank(interaction.Status);
}
