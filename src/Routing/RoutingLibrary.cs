using System.Security.Cryptography;
using System.Text;

namespace ContactHub.Routing;

/// <summary>
/// The routing scripts as one Redis function library (Redis 7 functions, called with FCALL): the shared library
/// is defined once when the library loads instead of on every call, which was about a tenth of each call's time.
/// The library and function names carry a hash of the code, so hubs of two versions sharing one Redis during an
/// upgrade each call their own.
/// </summary>
internal static class RoutingLibrary
{
    private const string SharedPart = "lib.lua";

    private static readonly string Body = Compose();

    /// <summary>The library's name; also the prefix of every function it registers.</summary>
    public static readonly string Name = "contacthub_router_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)))[..12];

    /// <summary>The text for FUNCTION LOAD.</summary>
    public static readonly string Code = $"#!lua name={Name}\n{Body.Replace(NamePlaceholder, Name, StringComparison.Ordinal)}";

    public static readonly string Enqueue = Function("enqueue");
    public static readonly string Presence = Function("presence");
    public static readonly string Accept = Function("accept");
    public static readonly string Decline = Function("decline");
    public static readonly string Expire = Function("expire");
    public static readonly string Release = Function("release");
    public static readonly string AgentState = Function("agent_state");
    public static readonly string ApplyQueue = Function("apply_queue");
    public static readonly string ApplyAgent = Function("apply_agent");
    public static readonly string SetOpen = Function("set_open");
    public static readonly string TransferToAgent = Function("transfer_agent");
    public static readonly string TransferToQueue = Function("transfer_queue");
    public static readonly string Abandon = Function("abandon");
    public static readonly string Restore = Function("restore");
    public static readonly string Metrics = Function("metrics");

    private static string Function(string script) => $"{Name}_{script}";

    // Each script body becomes the body of a registered function; the name placeholder is filled once the hash
    // of the whole text is known.
    private const string NamePlaceholder = "@LIBRARY@";

    private static string Compose()
    {
        var text = new StringBuilder(Read(SharedPart)).Append('\n');
        // Every other embedded script is one function, named after its file.
        var scripts = typeof(RoutingLibrary).Assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".lua", StringComparison.Ordinal) && name != SharedPart)
            .Select(name => name[..^".lua".Length])
            .Order(StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            text.Append($"\nredis.register_function('{NamePlaceholder}_{script}', function(keys, args)\nbegin(keys, args)\n")
                .Append(Read(script + ".lua"))
                .Append("\nend)\n");
        }
        return text.ToString();
    }

    private static string Read(string name)
    {
        using var stream = typeof(RoutingLibrary).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Routing script '{name}' is not embedded in {typeof(RoutingLibrary).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
