using Microsoft.Extensions.Logging;

namespace ContactHub.Channels.Email.Imap;

/// <summary>Event ids 3300-3399 belong to the IMAP watcher. No message here ever carries the password.</summary>
internal static partial class ImapLog
{
    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Watching {MailboxKey}: UIDVALIDITY {UidValidity}, resuming after UID {LastUid}")]
    public static partial void Selected(ILogger logger, string mailboxKey, uint uidValidity, uint lastUid);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "UIDVALIDITY of {MailboxKey} changed from {Old} to {New}: starting over from UID 1; the hub dedupes re-delivered messages")]
    public static partial void UidValidityChanged(ILogger logger, string mailboxKey, uint old, uint @new);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "IMAP session for {MailboxKey} failed; reconnecting in {Delay}")]
    public static partial void SessionFailed(ILogger logger, Exception exception, string mailboxKey, TimeSpan delay);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Debug, Message = "Handed over UID {Uid} of {MailboxKey}")]
    public static partial void Delivered(ILogger logger, uint uid, string mailboxKey);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "Could not mark UID {Uid} of {MailboxKey} as processed")]
    public static partial void MarkFailed(ILogger logger, Exception exception, uint uid, string mailboxKey);
}
