using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ContactHub.Core;

namespace ContactHub.Channels.WebChat;

/// <summary>
/// Which pages may talk to the visitor endpoints: the configured <see cref="WebChatOptions.AllowedOrigins"/> and the
/// hub's own origin (the demo page). Browsers always send Origin on cross-site requests and on WebSocket handshakes
/// (where CORS does not apply), so a page of another site is refused here; a request without Origin is not from a
/// page, and the channel key and visitor token still apply to it.
/// </summary>
public sealed class VisitorOrigins(IOptions<WebChatOptions> options, IOptions<HubOptions> hub)
{
    public bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, Origin(hub.Value.PublicBaseUrl), StringComparison.OrdinalIgnoreCase)
            || options.Value.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    public static string? Origin(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
