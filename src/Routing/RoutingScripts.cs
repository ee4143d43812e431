using System.Reflection;

namespace ContactHub.Routing;

/// <summary>
/// The routing Lua scripts, read once from embedded resources with the shared library in front of each.
/// StackExchange.Redis caches each script's SHA1 per server and sends EVALSHA after the first call.
/// </summary>
internal static class RoutingScripts
{
    private static readonly string Library = Read("lib.lua");

    public static readonly string Enqueue = Compose("enqueue.lua");
    public static readonly string Presence = Compose("presence.lua");
    public static readonly string Accept = Compose("accept.lua");
    public static readonly string Decline = Compose("decline.lua");
    public static readonly string Expire = Compose("expire.lua");
    public static readonly string Release = Compose("release.lua");
    public static readonly string AgentState = Compose("agent_state.lua");

    private static string Compose(string name) => Library + "\n" + Read(name);

    private static string Read(string name)
    {
        using var stream = typeof(RoutingScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Routing script '{name}' is not embedded in {typeof(RoutingScripts).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
