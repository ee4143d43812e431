using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>Media upload (multipart), metadata and download, each behind the Bearer token as on the Graph API.</summary>
public static class MediaEndpoints
{
    public const string UploadRoute = "/{version:regex(^v\\d+\\.\\d+$)}/{phoneNumberId}/media";
    public const string InfoRoute = "/{version:regex(^v\\d+\\.\\d+$)}/{mediaId}";
    public const string DownloadRoute = "/_standin/whatsapp/media/{mediaId}/download";

    /// <summary>WhatsApp's own ceiling for documents.</summary>
    private const long MaxUploadBytes = 100 * 1024 * 1024;

    public static async Task<IResult> UploadAsync(string phoneNumberId, HttpRequest request, IOptions<WhatsAppStandInOptions> options, MediaVault media, CancellationToken cancellationToken)
    {
        if (!GraphAuth.IsAuthorized(request, options.Value.AccessToken))
        {
            return GraphErrors.InvalidToken();
        }
        if (phoneNumberId != options.Value.PhoneNumberId)
        {
            return GraphErrors.UnknownObject(phoneNumberId);
        }
        if (!request.HasFormContentType)
        {
            return GraphErrors.InvalidParameter("The upload must be multipart/form-data with messaging_product, type and file.");
        }
        var form = await request.ReadFormAsync(cancellationToken);
        if (form["messaging_product"].ToString() != "whatsapp")
        {
            return GraphErrors.InvalidParameter("The parameter messaging_product is required and must be \"whatsapp\".");
        }
        if (form.Files.GetFile("file") is not { Length: > 0 and <= MaxUploadBytes } file)
        {
            return GraphErrors.InvalidParameter("The parameter file is required (at most 100 MB).");
        }
        var type = form["type"].ToString();
        if (type.Length == 0)
        {
            return GraphErrors.InvalidParameter("The parameter type (the file's MIME type) is required.");
        }
        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var stored = media.Add(type, content.ToArray(), file.FileName);
        return TypedResults.Json(new JsonObject { ["id"] = stored.Id });
    }

    public static IResult Info(string mediaId, HttpRequest request, IOptions<WhatsAppStandInOptions> options, MediaVault media)
    {
        if (!GraphAuth.IsAuthorized(request, options.Value.AccessToken))
        {
            return GraphErrors.InvalidToken();
        }
        if (media.Find(mediaId) is not { } stored)
        {
            return GraphErrors.MediaNotFound(mediaId);
        }
        return TypedResults.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = $"{request.Scheme}://{request.Host}{DownloadRoute.Replace("{mediaId}", stored.Id, StringComparison.Ordinal)}",
            ["mime_type"] = stored.MimeType,
            ["sha256"] = stored.Sha256,
            ["file_size"] = stored.Content.Length,
            ["id"] = stored.Id,
        });
    }

    public static IResult Download(string mediaId, HttpRequest request, IOptions<WhatsAppStandInOptions> options, MediaVault media)
    {
        if (!GraphAuth.IsAuthorized(request, options.Value.AccessToken))
        {
            return GraphErrors.InvalidToken();
        }
        return media.Find(mediaId) is { } stored ? TypedResults.Bytes(stored.Content, stored.MimeType) : GraphErrors.MediaNotFound(mediaId);
    }
}
