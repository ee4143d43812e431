using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace ContactHub.Core.Store;

public static class ConversationEventKinds
{
    public const string Assigned = "assigned";
    public const string Transferred = "transferred";
    public const string Reclaimed = "reclaimed";
    public const string Resolved = "resolved";

    /// <summary>The conversation opened while its queue was closed and the out-of-hours reply was queued.</summary>
    public const string OutOfHours = "out-of-hours";

    /// <summary>The caller hung up before an agent answered; the conversation closes itself.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>The customer sent an opt-out keyword (SMS STOP): no message may be sent to them on that channel.</summary>
    public const string OptedOut = "opted-out";

    /// <summary>The customer sent an opt-in keyword (SMS START) after opting out.</summary>
    public const string OptedIn = "opted-in";

    /// <summary>A customer who had blocked the bot (Telegram) wrote to it again, so replies may be sent again.</summary>
    public const string Unblocked = "unblocked";

    /// <summary>The customer opened the chat through a link that carries a start payload (Telegram's /start); data names the payload.</summary>
    public const string StartPayload = "start-payload";

    /// <summary>A delivery report (an e-mail bounce) says an outbound message was not delivered; data names the message, code and reason.</summary>
    public const string DeliveryFailed = "delivery-failed";

    /// <summary>A delivery report says an outbound message is delayed and still being retried by the mail system.</summary>
    public const string DeliveryDelayed = "delivery-delayed";
}

/// <param name="Data">Kind-specific details as JSON (reason, note, target...).</param>
public sealed record ConversationEvent(long Id, long ConversationId, string Kind, long? AgentId, JsonElement? Data, DateTimeOffset CreatedAt);

/// <summary>Append-only log of what happened to a conversation besides its messages.</summary>
public sealed class ConversationEventLog(StoreConnections connections, TimeProvider time)
{
    public async Task AppendAsync(long conversationId, string kind, long? agentId, object? data, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await InsertAsync(connection, null, conversationId, kind, agentId, data, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>The append inside a caller's transaction, for changes whose event must commit with them.</summary>
    internal static Task InsertAsync(DbConnection connection, DbTransaction? transaction, long conversationId, string kind, long? agentId, object? data, long now) =>
        connection.ExecuteAsync(
            "INSERT INTO conversation_events (conversation_id, kind, agent_id, data_json, created_at) VALUES (@conversationId, @kind, @agentId, @data, @now)",
            new { conversationId, kind, agentId, data = data is null ? null : JsonSerializer.Serialize(data, StoreJson.Options), now },
            transaction);

    public async Task<IReadOnlyList<ConversationEvent>> ListAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, long ConversationId, string Kind, long? AgentId, string? DataJson, long CreatedAt)>(
            "SELECT id, conversation_id, kind, agent_id, data_json, created_at FROM conversation_events WHERE conversation_id = @conversationId ORDER BY id",
            new { conversationId });
        return rows.Select(r => new ConversationEvent(
            r.Id, r.ConversationId, r.Kind, r.AgentId,
            r.DataJson is null ? null : JsonDocument.Parse(r.DataJson).RootElement.Clone(),
            Clock.FromUnixMs(r.CreatedAt))).ToList();
    }
}
