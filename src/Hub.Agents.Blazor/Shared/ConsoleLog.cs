using Microsoft.Extensions.Logging;

namespace ContactHub.Agents.Blazor.Shared;

/// <summary>The console's log events, in one place so their ids stay stable.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Console component failed: {Failure}")]
    public static partial void ComponentFailed(ILogger logger, string failure, Exception error);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Reply to conversation {ConversationId} failed")]
    public static partial void ReplyFailed(ILogger logger, long conversationId, Exception error);
}
