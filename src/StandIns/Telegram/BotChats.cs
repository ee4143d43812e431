using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Telegram;

/// <summary>A message the bot sent, as GET /_standin/telegram/sent shows it.</summary>
public sealed record SentMessage(long ChatId, long MessageId, string Method, string? Text, string? Caption, string? FileName, string? ContentType, long? Size, DateTimeOffset Date);

/// <summary>A customer as Telegram knows them: the private chat id equals their user id.</summary>
public sealed record BotCustomer(long Id, string FirstName, string? LastName = null, string? Username = null);

/// <summary>
/// The private chats the bot has: who wrote to it (a bot can only message users who started it), message ids (one
/// sequence per chat, shared by both sides), who blocked the bot, the per-chat send rate, and every message the bot sent.
/// </summary>
public sealed class BotChats(IOptions<TelegramStandInOptions> options, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, ChatState> chats = [];
    private readonly HashSet<long> blocked = [];
    private readonly List<SentMessage> sent = [];

    /// <summary>Registers the customer's message, built with its new id; writing to the bot also unblocks it, as in the app.</summary>
    public JsonObject CustomerWrote(BotCustomer customer, Func<long, JsonObject> build)
    {
        lock (gate)
        {
            var chat = Chat(customer);
            blocked.Remove(customer.Id);
            var message = build(chat.NextMessageId++);
            chat.Messages[message["message_id"]!.GetValue<long>()] = message;
            return (JsonObject)message.DeepClone();
        }
    }

    /// <summary>The customer pressed Start (or wrote) in a way the hub was told about directly: the bot may now message them.</summary>
    public void Started(BotCustomer customer)
    {
        lock (gate)
        {
            Chat(customer);
        }
    }

    /// <summary>The customer's earlier message with that id, for an edit; null when they never sent it.</summary>
    public JsonObject? CustomerMessage(long chatId, long messageId)
    {
        lock (gate)
        {
            return chats.TryGetValue(chatId, out var chat) && chat.Messages.TryGetValue(messageId, out var message) ? (JsonObject)message.DeepClone() : null;
        }
    }

    public JsonObject UserJson(long chatId)
    {
        lock (gate)
        {
            return chats.TryGetValue(chatId, out var chat) ? UserJson(chat.Customer) : new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Unknown" };
        }
    }

    public static JsonObject UserJson(BotCustomer customer)
    {
        var user = new JsonObject { ["id"] = customer.Id, ["is_bot"] = false, ["first_name"] = customer.FirstName };
        if (customer.LastName is { Length: > 0 })
        {
            user["last_name"] = customer.LastName;
        }
        if (customer.Username is { Length: > 0 })
        {
            user["username"] = customer.Username;
        }
        return user;
    }

    public static JsonObject ChatJson(BotCustomer customer)
    {
        var chat = UserJson(customer);
        chat.Remove("is_bot");
        chat["type"] = "private";
        return chat;
    }

    public void Block(long chatId)
    {
        lock (gate)
        {
            blocked.Add(chatId);
        }
    }

    /// <summary>Why the bot may not send to this chat now (Telegram's status and description), or null when it may.</summary>
    /// <param name="retryAfter">Seconds to wait when the answer is 429.</param>
    public (int Status, string Description)? RefuseSend(long chatId, out int? retryAfter)
    {
        retryAfter = null;
        lock (gate)
        {
            if (!chats.TryGetValue(chatId, out var chat))
            {
                return (400, "Bad Request: chat not found");
            }
            if (blocked.Contains(chatId))
            {
                return (403, "Forbidden: bot was blocked by the user");
            }
            var now = time.GetUtcNow();
            var interval = TimeSpan.FromSeconds(1 / Math.Max(0.01, options.Value.MessagesPerSecondPerChat));
            if (chat.LastSendAt is { } last && now - last < interval)
            {
                retryAfter = Math.Max(1, (int)Math.Ceiling((interval - (now - last)).TotalSeconds));
                return (429, $"Too Many Requests: retry after {retryAfter}");
            }
            chat.LastSendAt = now;
            return null;
        }
    }

    /// <summary>Records a message the bot sent and returns it with its new message id.</summary>
    public SentMessage RecordSent(long chatId, string method, string? text, string? caption, string? fileName, string? contentType, long? size)
    {
        lock (gate)
        {
            var chat = chats[chatId];
            var message = new SentMessage(chatId, chat.NextMessageId++, method, text, caption, fileName, contentType, size, time.GetUtcNow());
            sent.Add(message);
            return message;
        }
    }

    public JsonObject ChatJson(long chatId)
    {
        lock (gate)
        {
            return ChatJson(chats[chatId].Customer);
        }
    }

    public IReadOnlyList<SentMessage> Sent()
    {
        lock (gate)
        {
            return sent.ToList();
        }
    }

    private ChatState Chat(BotCustomer customer)
    {
        if (!chats.TryGetValue(customer.Id, out var chat))
        {
            chat = new ChatState(customer);
            chats[customer.Id] = chat;
        }
        return chat;
    }

    private sealed class ChatState(BotCustomer customer)
    {
        public BotCustomer Customer { get; } = customer;

        public long NextMessageId { get; set; } = 1;

        public DateTimeOffset? LastSendAt { get; set; }

        public Dictionary<long, JsonObject> Messages { get; } = [];
    }
}
