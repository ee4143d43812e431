using ContactHub.Core.Outbound;
using Microsoft.AspNetCore.SignalR;

namespace ContactHub.Channels.WebChat;

/// <summary>
/// The visitors' SignalR hub (<c>/webchat/hub</c>), apart from the console's circuits. A connection proves who it is
/// once, with <see cref="Join"/>; every other method acts for that visitor only. Pushes to visitors
/// (reply, agentTyping, agentSeen, status) come from <see cref="WebChatRelay"/>.
/// </summary>
public sealed class WebChatHub(WebChatInbox inbox, VisitorTokens tokens, VisitorOrigins origins, TimeProvider time) : Hub
{
    public const string Path = "/webchat/hub";

    private const string VisitorItem = "visitor";
    private const string ConversationItem = "conversation";
    private const string TypedAtItem = "typedAt";

    /// <summary>A visitor typing fires at most this often; the widget throttles too.</summary>
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(2);

    public override Task OnConnectedAsync()
    {
        if (Context.GetHttpContext() is { } http && !origins.IsAllowed(http.Request))
        {
            Context.Abort();
        }
        return base.OnConnectedAsync();
    }

    /// <summary>Proves the visitor with their token; an unreadable token answers Joined = false and the widget starts afresh.</summary>
    public async Task<JoinResponse> Join(string? channelKey, string? token)
    {
        if (!inbox.KeyMatches(channelKey) || tokens.Read(token) is not { } visitor)
        {
            return new JoinResponse(false, null, null, null, [], null);
        }
        Context.Items[VisitorItem] = visitor;
        await Groups.AddToGroupAsync(Context.ConnectionId, WebChatGroups.Visitor(visitor.Id), Context.ConnectionAborted);
        var (messages, status, conversationId) = await inbox.SnapshotAsync(visitor, 0, Context.ConnectionAborted);
        await FollowAsync(conversationId);
        // Each visit renews the token, so a returning visitor keeps their conversation for another full lifetime.
        return new JoinResponse(true, tokens.Issue(visitor), visitor.Id, visitor.Name, messages, status);
    }

    /// <summary>Stores the message (durably) before answering; a resend with the same id is stored once.</summary>
    public async Task<SendAck> Send(string? messageId, string? text)
    {
        if (Current() is not { } visitor)
        {
            return NotJoined(messageId);
        }
        var (ack, conversationId, _) = await inbox.PostAsync(visitor, messageId, text, Context.ConnectionAborted);
        await FollowAsync(conversationId);
        return ack;
    }

    public async Task<IReadOnlyList<ChatMessage>> History(long afterId)
    {
        if (Current() is not { } visitor)
        {
            return [];
        }
        var (messages, _, conversationId) = await inbox.SnapshotAsync(visitor, Math.Max(0, afterId), Context.ConnectionAborted);
        await FollowAsync(conversationId);
        return messages;
    }

    public async Task<ChatStatus> Status()
    {
        return Current() is { } visitor ? await inbox.StatusAsync(visitor, Context.ConnectionAborted) : new ChatStatus("none", null, null, null);
    }

    public async Task Typing()
    {
        var now = time.GetUtcNow();
        if (Current() is null || !Context.Items.TryGetValue(ConversationItem, out var followed) || followed is not long conversationId
            || (Context.Items.TryGetValue(TypedAtItem, out var last) && last is DateTimeOffset at && now - at < TypingInterval))
        {
            return;
        }
        Context.Items[TypedAtItem] = now;
        await inbox.TypingAsync(conversationId);
    }

    /// <summary>The widget received replies up to this id.</summary>
    public Task Delivered(long upToId) => MarkAsync(upToId, "delivered");

    /// <summary>The visitor has the panel open with replies up to this id on screen.</summary>
    public Task Seen(long upToId) => MarkAsync(upToId, "read");

    private async Task MarkAsync(long upToId, string status)
    {
        if (Current() is { } visitor && DeliveryStatus.IsKnown(status))
        {
            await inbox.MarkAsync(visitor, upToId, status, Context.ConnectionAborted);
        }
    }

    private Visitor? Current() => Context.Items.TryGetValue(VisitorItem, out var value) ? value as Visitor : null;

    /// <summary>Joins the conversation's group once it exists (the first message opens it; a resolved one is followed by a new one).</summary>
    private async Task FollowAsync(long? conversationId)
    {
        if (conversationId is { } id && !(Context.Items.TryGetValue(ConversationItem, out var current) && current is long followed && followed == id))
        {
            Context.Items[ConversationItem] = id;
            await Groups.AddToGroupAsync(Context.ConnectionId, WebChatGroups.Conversation(id), Context.ConnectionAborted);
        }
    }

    private static SendAck NotJoined(string? messageId) => new(null, messageId, null, "Your chat session has ended. Please reload the page.");
}
