using ContactHub.Core.Domain;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>Conversation state that the router and the console change: assignment and resolution.</summary>
public sealed class ConversationRepository(StoreConnections connections, TimeProvider time)
{
    public async Task<Conversation?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ConversationRow>(
            $"SELECT {Columns.Conversation} FROM conversations WHERE id = @id", new { id });
        return row?.ToConversation();
    }

    public async Task<IReadOnlyList<Interaction>> InteractionsAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InteractionRow>(
            $"SELECT {Columns.Interaction} FROM interactions WHERE conversation_id = @conversationId ORDER BY id", new { conversationId });
        return rows.Select(r => r.ToInteraction()).ToList();
    }

    /// <summary>The agent's unresolved conversations, most recent activity first.</summary>
    public async Task<IReadOnlyList<Conversation>> AssignedToAsync(long agentId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConversationRow>(
            $"SELECT {Columns.Conversation} FROM conversations WHERE assignee_id = @agentId AND state <> 'resolved' ORDER BY last_activity_at DESC",
            new { agentId });
        return rows.Select(r => r.ToConversation()).ToList();
    }

    /// <summary>Open conversations nobody holds: what the router must have queued (it rebuilds from this).</summary>
    public async Task<IReadOnlyList<Conversation>> UnassignedOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConversationRow>(
            $"SELECT {Columns.Conversation} FROM conversations WHERE assignee_id IS NULL AND state <> 'resolved' ORDER BY created_at",
            new { });
        return rows.Select(r => r.ToConversation()).ToList();
    }

    public async Task<bool> AssignAsync(long conversationId, long agentId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            "UPDATE conversations SET assignee_id = @agentId, last_activity_at = @now WHERE id = @conversationId AND state <> 'resolved'",
            new { conversationId, agentId, now = time.GetUtcNow().ToUnixTimeMilliseconds() });
        return changed == 1;
    }

    public async Task<bool> SetStateAsync(long conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            "UPDATE conversations SET state = @state, last_activity_at = @now WHERE id = @conversationId AND state <> 'resolved'",
            new { conversationId, state = state.ToString().ToLowerInvariant(), now = time.GetUtcNow().ToUnixTimeMilliseconds() });
        return changed == 1;
    }

    /// <summary>Resolves a conversation only while nobody holds it: an agent accepting at the same moment wins.</summary>
    public async Task<bool> ResolveUnassignedAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            "UPDATE conversations SET state = 'resolved', last_activity_at = @now WHERE id = @conversationId AND state <> 'resolved' AND assignee_id IS NULL",
            new { conversationId, now = time.GetUtcNow().ToUnixTimeMilliseconds() });
        return changed == 1;
    }

    /// <summary>Back to a queue with nobody holding it (transfer to queue, take-back).</summary>
    public async Task<bool> UnassignAsync(long conversationId, string queue, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            "UPDATE conversations SET assignee_id = NULL, queue = @queue, state = 'open', last_activity_at = @now WHERE id = @conversationId AND state <> 'resolved'",
            new { conversationId, queue, now = time.GetUtcNow().ToUnixTimeMilliseconds() });
        return changed == 1;
    }

    /// <summary>Assigned, unresolved conversations: what the router must count against agents' capacity (rebuild, take-backs).</summary>
    public async Task<IReadOnlyList<Conversation>> AssignedOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConversationRow>(
            $"SELECT {Columns.Conversation} FROM conversations WHERE assignee_id IS NOT NULL AND state <> 'resolved' ORDER BY id",
            new { });
        return rows.Select(r => r.ToConversation()).ToList();
    }

    /// <summary>Assigned conversations whose customer spoke last, with when they spoke: candidates for the reply timer.</summary>
    public async Task<IReadOnlyList<(Conversation Conversation, DateTimeOffset WaitingSince)>> AwaitingAgentReplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConversationRow, long, (ConversationRow, long)>(
            $"""
            SELECT {string.Join(", ", Columns.Conversation.Split(", ").Select(c => "c." + c))}, i.created_at AS waiting_since
            FROM conversations c
            JOIN interactions i ON i.id = (SELECT MAX(id) FROM interactions WHERE conversation_id = c.id)
            WHERE c.assignee_id IS NOT NULL AND c.state = 'open' AND i.direction = 'in'
            """,
            (conversation, waitingSince) => (conversation, waitingSince),
            splitOn: "waiting_since");
        return rows.Select(r => (r.Item1.ToConversation(), Clock.FromUnixMs(r.Item2))).ToList();
    }

    /// <summary>Who last held one of the contact's other conversations, and when that conversation last moved.</summary>
    public async Task<(long AgentId, DateTimeOffset LastActivityAt)?> LastAssigneeAsync(long contactId, long exceptConversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(long AgentId, long LastActivityAt)?>(
            """
            SELECT assignee_id, last_activity_at FROM conversations
            WHERE contact_id = @contactId AND id <> @exceptConversationId AND assignee_id IS NOT NULL
            ORDER BY last_activity_at DESC LIMIT 1
            """,
            new { contactId, exceptConversationId });
        return row is { } found ? (found.AgentId, Clock.FromUnixMs(found.LastActivityAt)) : null;
    }
}
