namespace ContactHub.Agents.Blazor.Conversations;

/// <summary>Which conversation stays selected as the agent's list changes under them, and how the keys move it.</summary>
public static class ConversationSelection
{
    /// <summary>
    /// After a reload: keep the selection if it is still listed; if it just left the list (resolved,
    /// transferred), take its neighbour so the agent can carry on; a selection the list never had (a
    /// conversation accepted a moment ago) is kept until the list catches up.
    /// </summary>
    public static long? AfterReload(IReadOnlyList<long> before, IReadOnlyList<long> after, long? selected)
    {
        if (selected is null)
        {
            return after.Count > 0 ? after[0] : null;
        }
        if (after.Contains(selected.Value))
        {
            return selected;
        }
        var index = IndexOf(before, selected.Value);
        if (index < 0)
        {
            return selected;
        }
        return after.Count == 0 ? null : after[Math.Min(index, after.Count - 1)];
    }

    /// <summary>The conversation <paramref name="delta"/> places away, stopping at either end.</summary>
    public static long? Move(IReadOnlyList<long> ids, long? selected, int delta)
    {
        if (ids.Count == 0)
        {
            return selected;
        }
        var index = selected is { } id ? IndexOf(ids, id) : -1;
        if (index < 0)
        {
            return delta >= 0 ? ids[0] : ids[^1];
        }
        return ids[Math.Clamp(index + delta, 0, ids.Count - 1)];
    }

    private static int IndexOf(IReadOnlyList<long> ids, long id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }
        return -1;
    }
}
