namespace ContactHub.Server.Tests;

internal static class Sids
{
    public static string Message() => "SM" + Guid.NewGuid().ToString("N");

    public static string Call() => "CA" + Guid.NewGuid().ToString("N");

    public static string Recording() => "RE" + Guid.NewGuid().ToString("N");

    private static int _next = 1000;

    /// <summary>A fresh number in the fictional +1 555-01xx style range, so tests never share a customer.</summary>
    public static string Phone() => $"+1555556{Interlocked.Increment(ref _next):0000}";
}
