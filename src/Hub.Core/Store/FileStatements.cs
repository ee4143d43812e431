using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using ContactHub.Core.Domain;
using ContactHub.Core.Files;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>
/// Stores an interaction's files inside the caller's transaction (so they are durable exactly when the interaction
/// is) and lists them in its attachments: stored files link to the hub, files over a limit are listed as too large,
/// inline images stay out of the list because the formatted e-mail shows them. Limits are null when the caller
/// already refused an over-size set whole (an agent's reply), rather than trimming it here.
/// </summary>
internal static class FileStatements
{
    public static async Task<IReadOnlyList<Attachment>> StoreAsync(
        DbConnection connection, DbTransaction transaction, long interactionId, IReadOnlyList<FileContent> files, IReadOnlyList<Attachment> links, FileLimits? limits)
    {
        var attachments = new List<Attachment>(links);
        long stored = 0;
        for (var ordinal = 0; ordinal < files.Count; ordinal++)
        {
            var file = files[ordinal];
            var name = FileNameText.Clean(file.FileName);
            var contentType = MediaTypes.Normalize(file.ContentType);
            if (file.OmittedSize is not null || (limits is not null && (file.Size > limits.MaxFileBytes || stored + file.Size > limits.MaxMessageBytes)))
            {
                attachments.Add(new Attachment("", contentType, name) { Size = file.Size, TooLarge = true });
                continue;
            }
            stored += file.Size;
            var content = file.Content.ToArray();
            var id = await connection.QuerySingleAsync<long>(
                """
                INSERT INTO interaction_files (interaction_id, ordinal, file_name, content_type, content_id, is_inline, size, sha256, content)
                VALUES (@interactionId, @ordinal, @name, @contentType, @contentId, @isInline, @size, @sha256, @content)
                RETURNING id
                """,
                new
                {
                    interactionId,
                    ordinal,
                    name,
                    contentType,
                    contentId = file.ContentId is { Length: > 0 and <= 250 } cid ? cid : null,
                    isInline = file.IsInline,
                    size = (long)content.Length,
                    sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                    content,
                },
                transaction);
            if (!file.IsInline)
            {
                attachments.Add(new Attachment(InteractionFiles.Url(id), contentType, name) { Size = content.Length });
            }
        }
        await connection.ExecuteAsync(
            "UPDATE interactions SET attachments_json = @json WHERE id = @interactionId",
            new { interactionId, json = attachments.Count == 0 ? null : JsonSerializer.Serialize(attachments, StoreJson.Options) },
            transaction);
        return attachments;
    }
}
