using ContactHub.Core.Files;
using ContactHub.Core.Store;
using ContactHub.Server.Security;

namespace ContactHub.Server.Api;

/// <summary>
/// Stored attachments. Downloads are for staff only and always leave as downloads: a customer chooses a file's name
/// and declared type, so the name is only ever a header parameter, unsafe types become application/octet-stream,
/// and nosniff plus a sandboxing CSP keep a browser from running anything even when the file is opened directly.
/// </summary>
public static class FileApi
{
    private const string LockedDown = "sandbox; default-src 'none'";

    public static void MapFileApi(this WebApplication app)
    {
        app.MapGet("/api/files/{id:long}", DownloadAsync).RequireAuthorization(SecurityExtensions.StaffPolicy);
        // The sandboxed e-mail frame sends no cookie: the signed, expiring URL is the permission (see InlineFileLinks).
        app.MapGet("/api/files/{id:long}/inline", InlineAsync).AllowAnonymous();
    }

    private static async Task<IResult> DownloadAsync(long id, HttpContext context, InteractionFiles files, CancellationToken cancellationToken)
    {
        if (await files.GetAsync(id, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }
        var headers = context.Response.Headers;
        headers.ContentDisposition = ContentDispositionValue.Attachment(file.Info.FileName);
        LockDown(headers);
        var contentType = MediaTypes.IsSafeToServe(file.Info.ContentType) ? file.Info.ContentType : MediaTypes.OctetStream;
        return TypedResults.Bytes(file.Content, contentType);
    }

    private static async Task<IResult> InlineAsync(long id, string? t, HttpContext context, InlineFileLinks links, InteractionFiles files, CancellationToken cancellationToken)
    {
        if (!links.IsValid(id, t))
        {
            return TypedResults.Problem("The image link is invalid or has expired; reopen the formatted e-mail.", statusCode: StatusCodes.Status403Forbidden);
        }
        if (await files.GetAsync(id, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }
        if (!MediaTypes.IsInlineImage(file.Info.ContentType))
        {
            return TypedResults.Problem("Only PNG, JPEG, GIF and WebP images are shown inline.", statusCode: StatusCodes.Status403Forbidden);
        }
        var headers = context.Response.Headers;
        headers.ContentDisposition = "inline";
        headers.CacheControl = "private, max-age=600";
        LockDown(headers);
        return TypedResults.Bytes(file.Content, file.Info.ContentType);
    }

    private static void LockDown(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = LockedDown;
        headers["Referrer-Policy"] = "no-referrer";
    }
}
