using System.Globalization;

namespace ContactHub.Channels.WebChat;

/// <summary>The one place that names the visitor hub's SignalR groups.</summary>
public static class WebChatGroups
{
    /// <summary>Every connection (tab) of one visitor: replies go here.</summary>
    public static string Visitor(string visitorId) => "visitor:" + visitorId;

    /// <summary>Connections following one conversation: typing, read receipts and queue changes go here.</summary>
    public static string Conversation(long conversationId) => "conversation:" + conversationId.ToString(CultureInfo.InvariantCulture);
}
