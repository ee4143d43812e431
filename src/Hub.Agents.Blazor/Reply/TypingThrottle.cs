namespace ContactHub.Agents.Blazor.Reply;

/// <summary>
/// "The agent is typing" goes out at most once per <paramref name="interval"/> however fast they type; the customer's
/// side shows it for a few seconds after each, so a steady typist stays "typing" at a trickle of events.
/// </summary>
public sealed class TypingThrottle(TimeSpan interval)
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(2);

    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public bool ShouldSignal(DateTimeOffset now)
    {
        if (now - _last < interval)
        {
            return false;
        }
        _last = now;
        return true;
    }
}
