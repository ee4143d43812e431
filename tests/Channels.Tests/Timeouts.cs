namespace ContactHub.Channels.Tests;

/// <summary>Every await in these tests is bounded, so a hang fails fast instead of stalling CI.</summary>
public static class Timeouts
{
    public static readonly TimeSpan Await = TimeSpan.FromSeconds(15);
}
