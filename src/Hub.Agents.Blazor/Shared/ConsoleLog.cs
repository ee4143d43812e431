using Microsoft.Extensions.Logging;

namespace ContactHub.Agents.Blazor.Shared;

/// <summary>The console's log events, in one place so their ids stay stable.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Console component failed: {Failure}")]
    public static partial void ComponentFailed(ILogger logger, string failure, Exception error);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Reply to conversation {ConversationId} failed")]
    public static partial void ReplyFailed(ILogger logger, long conversationId, Exception error);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Agent {AgentId} set offline: no console open for {GraceSeconds} s")]
    public static partial void SetOfflineAfterGrace(ILogger logger, long agentId, int graceSeconds);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Could not set agent {AgentId} offline after their console closed")]
    public static partial void SetOfflineFailed(ILogger logger, long agentId, Exception error);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "A file picked for a reply in conversation {ConversationId} could not be read")]
    public static partial void FileReadFailed(ILogger logger, long conversationId, Exception error);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Debug, Message = "A typing or seen signal for conversation {ConversationId} was not published")]
    public static partial void TypingSignalFailed(ILogger logger, long conversationId, Exception error);
}
