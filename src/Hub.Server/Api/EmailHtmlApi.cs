using ContactHub.Channels.Email.Html;
using ContactHub.Channels.Email.Mime;
using ContactHub.Core.Files;
using ContactHub.Core.Store;
using ContactHub.Server.Security;

namespace ContactHub.Server.Api;

/// <summary>
/// An e-mail's HTML body, sanitised, as its own document for the console's sandboxed iframe. The CSP header
/// forbids every script and network load the allowlist might have missed; remote images load only on request.
/// Inline images (cid:) load from short-lived signed URLs on this hub's origin, which the CSP allows.
/// </summary>
public static class EmailHtmlApi
{
    private static readonly EmailHtmlSanitizer Sanitizer = new();
    private static readonly MimeReader Reader = new();

    public static void MapEmailHtmlApi(this WebApplication app) =>
        app.MapGet("/api/interactions/{id:long}/html", RenderAsync).RequireAuthorization(SecurityExtensions.StaffPolicy);

    private static async Task<IResult> RenderAsync(
        long id, bool? images, HttpContext context, InteractionSources sources, InteractionFiles files, InlineFileLinks links, CancellationToken cancellationToken)
    {
        if (await sources.GetAsync(id, cancellationToken) is not { } raw || Reader.Read(raw).UnsafeHtmlBody is not { } html)
        {
            return TypedResults.NotFound();
        }
        var inlineImages = (await files.ListAsync(id, cancellationToken))
            .Where(f => f.ContentId is not null && MediaTypes.IsInlineImage(f.ContentType))
            .ToList();
        // The origin the agent reached the console on: the frame's image requests go there.
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var safe = Sanitizer.Sanitize(html, new SanitizeOptions
        {
            AllowRemoteImages = images == true,
            ResolveContentId = contentId =>
                (inlineImages.Find(f => string.Equals(f.ContentId, contentId, StringComparison.Ordinal))
                    ?? inlineImages.Find(f => string.Equals(f.ContentId, contentId, StringComparison.OrdinalIgnoreCase))) is { } file
                    ? links.UrlFor(origin, file.Id)
                    : null,
        });
        context.Response.Headers.ContentSecurityPolicy = SanitizedHtmlDocument.ContentSecurityPolicyHeader(safe);
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Content(SanitizedHtmlDocument.Wrap(safe), "text/html; charset=utf-8");
    }
}
