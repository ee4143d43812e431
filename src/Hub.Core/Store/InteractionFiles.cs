using Dapper;

namespace ContactHub.Core.Store;

/// <summary>A stored file's description, without its bytes.</summary>
public sealed record StoredFileInfo(long Id, long InteractionId, string FileName, string ContentType, string? ContentId, bool IsInline, long Size);

/// <summary>A stored file with its bytes.</summary>
public sealed record StoredFile(StoredFileInfo Info, byte[] Content);

/// <summary>Reads the files kept in <c>interaction_files</c> (written by the append path and the outbox).</summary>
public sealed class InteractionFiles(StoreConnections connections)
{
    private const string InfoColumns = "id, interaction_id, file_name, content_type, content_id, is_inline, size";

    /// <summary>The hub's URL for a stored file, as interactions list it (relative, so any host name of the hub works).</summary>
    public static string Url(long fileId) => $"/api/files/{fileId}";

    public async Task<StoredFile?> GetAsync(long fileId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FileRow>(
            $"SELECT {InfoColumns}, content FROM interaction_files WHERE id = @fileId", new { fileId });
        return row is null ? null : new StoredFile(row.ToInfo(), row.Content ?? []);
    }

    /// <summary>The files of one interaction in message order, without their bytes.</summary>
    public async Task<IReadOnlyList<StoredFileInfo>> ListAsync(long interactionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FileRow>(
            $"SELECT {InfoColumns} FROM interaction_files WHERE interaction_id = @interactionId ORDER BY ordinal", new { interactionId });
        return rows.Select(r => r.ToInfo()).ToList();
    }

    /// <summary>The attached (not inline) files of one interaction with their bytes: what an outgoing e-mail carries.</summary>
    public async Task<IReadOnlyList<StoredFile>> AttachmentsAsync(long interactionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FileRow>(
            $"SELECT {InfoColumns}, content FROM interaction_files WHERE interaction_id = @interactionId AND is_inline = @inline ORDER BY ordinal",
            new { interactionId, inline = false });
        return rows.Select(r => new StoredFile(r.ToInfo(), r.Content ?? [])).ToList();
    }

    private sealed class FileRow
    {
        public long Id { get; set; }
        public long InteractionId { get; set; }
        public string FileName { get; set; } = "";
        public string ContentType { get; set; } = "";
        public string? ContentId { get; set; }
        public bool IsInline { get; set; }
        public long Size { get; set; }
        public byte[]? Content { get; set; }

        public StoredFileInfo ToInfo() => new(Id, InteractionId, FileName, ContentType, ContentId, IsInline, Size);
    }
}
