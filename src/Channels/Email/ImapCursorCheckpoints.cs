using System.Globalization;
using ContactHub.Channels.Email.Imap;
using ContactHub.Core.Store;

namespace ContactHub.Channels.Email;

/// <summary>The mailbox watcher's checkpoint kept in the store, so a restarted hub resumes after the last processed UID.</summary>
public sealed class ImapCursorCheckpoints(ChannelCursors cursors) : IImapCheckpointStore
{
    public async Task<ImapCheckpoint?> LoadAsync(string mailboxKey, CancellationToken cancellationToken)
    {
        var value = await cursors.GetAsync(mailboxKey, cancellationToken);
        var parts = value?.Split(':');
        return parts is [var validity, var uid]
            && uint.TryParse(validity, NumberStyles.None, CultureInfo.InvariantCulture, out var uidValidity)
            && uint.TryParse(uid, NumberStyles.None, CultureInfo.InvariantCulture, out var lastUid)
                ? new ImapCheckpoint(uidValidity, lastUid)
                : null;
    }

    public Task SaveAsync(string mailboxKey, ImapCheckpoint checkpoint, CancellationToken cancellationToken) =>
        cursors.SetAsync(mailboxKey, string.Create(CultureInfo.InvariantCulture, $"{checkpoint.UidValidity}:{checkpoint.LastProcessedUid}"), cancellationToken);
}
