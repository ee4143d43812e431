using ContactHub.Channels.Email.Html;
using ContactHub.Channels.Email.Mime;
using ContactHub.Core.Store;
using ContactHub.Server.Security;

namespace ContactHub.Server.Api;

/// <summary>
/// An e-mail's HTML body, sanitised, as its own document for the console's sandboxed iframe. The CSP header
/// forbids every script and network load the allowlist might have missed; remote images load only on request.
/// </summary>
public static class EmailHtmlApi
{
    private static readonly EmailHtmlSanitizer Sanitizer = new();
    private static readonly MimeReader Reader = new();

    public static void MapEmailHtmlApi(this WebApplication app) =>
        app.MapGet("/api/interactions/{id:long}/html", RenderAsync).RequireAuthorization(SecurityExtensions.StaffPolicy);

    private static async Task<IResult> RenderAsync(long id, bool? images, HttpContext context, InteractionSources sources, CancellationToken cancellationToken)
    {
        if (await sources.GetAsync(id, cancellationToken) is not { } raw || Reader.Read(raw).UnsafeHtmlBody is not { } html)
        {
            return TypedResults.NotFound();
        }
        var safe = Sanitizer.Sanitize(html, new SanitizeOptions { AllowRemoteImages = images == true });
        context.Response.Headers.ContentSecurityPolicy = SanitizedHtmlDocument.ContentSecurityPolicyHeader(safe);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(SanitizedHtmlDocument.Wrap(safe), "text/html; charset=utf-8");
    }
}
