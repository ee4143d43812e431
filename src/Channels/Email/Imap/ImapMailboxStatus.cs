namespace ContactHub.Channels.Email.Imap;

/// <summary>What SELECT reported.</summary>
public sealed record ImapMailboxStatus(string Folder, uint UidValidity, uint UidNext, uint Exists, bool ReadOnly);

/// <summary>One fetched message: its UID (unique only together with <paramref name="UidValidity"/>), flags, and exact raw octets.</summary>
public sealed record ImapFetchedMessage(uint Uid, uint UidValidity, IReadOnlyList<string> Flags, byte[] RawMessage);

public enum ImapIdleResult
{
    /// <summary>The server reported EXISTS or EXPUNGE: look for new mail.</summary>
    MailboxChanged,

    /// <summary>Nothing happened within the requested time.</summary>
    TimedOut,
}
