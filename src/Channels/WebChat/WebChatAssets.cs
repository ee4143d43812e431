using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WebChat;

/// <summary>
/// The widget's script and stylesheet (embedded in this assembly, plain JS and CSS without a framework) and the demo
/// page: a pretend shop that embeds the widget with the configured channel key, for the demo and the browser tests.
/// </summary>
public static class WebChatAssets
{
    public const string ScriptPath = "/webchat/widget.js";
    public const string StylePath = "/webchat/widget.css";
    public const string DemoPath = "/webchat/demo";

    private static readonly ConcurrentDictionary<string, string> Cache = new();

    public static IEndpointRouteBuilder MapWebChatAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ScriptPath, (HttpContext context) => Asset(context, "widget.js", "text/javascript; charset=utf-8"));
        endpoints.MapGet(StylePath, (HttpContext context) => Asset(context, "widget.css", "text/css; charset=utf-8"));
        endpoints.MapGet(DemoPath, (HttpContext context, IOptions<WebChatOptions> options) =>
        {
            var o = options.Value;
            var page = Read("demo.html")
                .Replace("{{channelKey}}", HtmlEncoder.Default.Encode(o.ChannelKey), StringComparison.Ordinal)
                .Replace("{{companyName}}", HtmlEncoder.Default.Encode(o.CompanyName), StringComparison.Ordinal);
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Content(page, "text/html; charset=utf-8");
        });
        return endpoints;
    }

    private static IResult Asset(HttpContext context, string name, string contentType)
    {
        // Short caching: pages embed the script by a fixed URL, so a new version must reach them soon.
        context.Response.Headers.CacheControl = "public, max-age=300";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Content(Read(name), contentType);
    }

    private static string Read(string name) => Cache.GetOrAdd(name, key =>
    {
        using var stream = typeof(WebChatAssets).Assembly.GetManifestResourceStream($"ContactHub.Channels.WebChat.Assets.{key}")
            ?? throw new InvalidOperationException($"The web chat asset {key} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
