namespace ContactHub.Channels.Email.Imap;

/// <summary>How far a mailbox has been consumed: UIDs only mean something under their UIDVALIDITY.</summary>
public sealed record ImapCheckpoint(uint UidValidity, uint LastProcessedUid);

/// <summary>Durable progress per mailbox; <see cref="MailboxWatcher"/> saves only after the consumer accepted a message.</summary>
public interface IImapCheckpointStore
{
    Task<ImapCheckpoint?> LoadAsync(string mailboxKey, CancellationToken cancellationToken);

    Task SaveAsync(string mailboxKey, ImapCheckpoint checkpoint, CancellationToken cancellationToken);
}
