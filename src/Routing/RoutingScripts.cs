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
    public static readonly string ApplyQueue = Compose("apply_queue.lua");
    public static readonly string ApplyAgent = Compose("apply_agent.lua");
    public static readonly string SetOpen = Compose("set_open.lua");
    public static readonly string TransferToAgent = Compose("transfer_agent.lua");
    public static readonly string TransferToQueue = Compose("transfer_queue.lua");
    public static readonly string Abandon = Compose("abandon.lua");
    public static readonly string Restore = Compose("restore.lua");
    public static readonly string Metrics = Compose("metrics.lua");

    private static string Compose(string name) => Library + "\n" + Read(name);

    private static string Read(string name)
    {
        using var stream = typeof(RoutingScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Routing script '{name}' is not embedded in {typeof(RoutingScripts).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
