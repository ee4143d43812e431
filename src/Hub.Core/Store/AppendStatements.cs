using System.Data.Common;
using System.Text.Json;
using ContactHub.Core.Config;
using ContactHub.Core.Domain;
using ContactHub.Core.Files;
using ContactHub.Core.Routing;
using ContactHub.Core.Stream;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>
/// The SQL of one append, run inside the caller's transaction. Every find-or-create is an
/// INSERT .. ON CONFLICT DO NOTHING followed by a read, so two nodes racing on one new customer
/// converge on one contact and one conversation instead of failing.
/// </summary>
internal static class AppendStatements
{
    public static async Task<AppendResult> AppendAsync(DbConnection connection, DbTransaction transaction, InboundInteraction item, IQueueSelector selector, TimeProvider time, FileLimits fileLimits)
    {
        var channel = item.Channel.ToWire();
        var existing = await FindExistingAsync(connection, transaction, channel, item.ExternalId);
        if (existing is not null)
        {
            return existing;
        }

        var now = Clock.ToUnixMs(time.GetUtcNow());
        var (contactId, createdContact) = await ResolveContactAsync(connection, transaction, item, now);
        long? mergedContactId = null;
        if (item.VerifiedPhone is { Length: > 0 } phone)
        {
            (contactId, mergedContactId) = await MergeStatements.LinkVerifiedPhoneAsync(connection, transaction, contactId, phone, now);
        }
        var (conversationId, conversationQueue, selection) = await FindOrOpenConversationAsync(connection, transaction, contactId, item, selector, now);
        // Weak matches are looked for once per new contact or new conversation, not on every message of a chat.
        if (createdContact || (item.ClaimedEmail is not null && selection is not null))
        {
            await MergeStatements.SuggestWeakMatchesAsync(connection, transaction, contactId, createdContact ? item.SenderDisplayName : null, item.ClaimedEmail, now);
        }

        var interactionId = await connection.QuerySingleOrDefaultAsync<long?>(
            """
            INSERT INTO interactions (conversation_id, contact_id, channel, direction, external_id, text, attachments_json, status, status_rank, created_at, updated_at)
            VALUES (@conversationId, @contactId, @channel, 'in', @externalId, @text, @attachments, 'received', 0, @sentAt, @now)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            new
            {
                conversationId,
                contactId,
                channel,
                externalId = item.ExternalId,
                text = item.Text,
                attachments = item.Attachments.Count == 0 ? null : JsonSerializer.Serialize(item.Attachments, StoreJson.Options),
                sentAt = Clock.ToUnixMs(item.SentAt),
                now,
            },
            transaction);
        if (interactionId is null)
        {
            // Another node stored the same provider message between our check and our insert.
            throw new DuplicateAppendException();
        }
        if (item.RawSource is { } raw)
        {
            await connection.ExecuteAsync(
                "INSERT INTO interaction_sources (interaction_id, content) VALUES (@interactionId, @raw)",
                new { interactionId = interactionId.Value, raw },
                transaction);
        }
        if (item.Files.Count > 0)
        {
            await FileStatements.StoreAsync(connection, transaction, interactionId.Value, item.Files, item.Attachments, fileLimits);
        }
        return new AppendResult(contactId, conversationId, interactionId.Value, IsDuplicate: false, OpenedConversation: selection is not null, conversationQueue)
        {
            Priority = selection?.Priority ?? 0,
            RequiredSkills = selection?.RequiredSkills ?? new Dictionary<string, int>(),
            Rule = selection?.Rule,
            MergedContactId = mergedContactId,
        };
    }

    public static async Task<AppendResult?> FindExistingAsync(DbConnection connection, DbTransaction? transaction, string channel, string externalId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, long ConversationId, long ContactId, string Queue)?>(
            """
            SELECT i.id, i.conversation_id, i.contact_id, c.queue FROM interactions i
            JOIN conversations c ON c.id = i.conversation_id
            WHERE i.channel = @channel AND i.external_id = @externalId
            """,
            new { channel, externalId },
            transaction);
        return row is { } found
            ? new AppendResult(found.ContactId, found.ConversationId, found.Id, IsDuplicate: true, OpenedConversation: false, found.Queue)
            : null;
    }

    /// <returns>The sender's contact, and whether this append created it.</returns>
    private static async Task<(long Id, bool Created)> ResolveContactAsync(DbConnection connection, DbTransaction transaction, InboundInteraction item, long now)
    {
        var identity = new { ns = item.Channel.IdentityNamespace(), address = item.SenderAddress };
        const string findIdentity = "SELECT contact_id FROM channel_identities WHERE namespace = @ns AND address = @address";
        var contactId = await connection.QuerySingleOrDefaultAsync<long?>(findIdentity, identity, transaction);
        if (contactId is not null)
        {
            return (contactId.Value, false);
        }

        var newContactId = await connection.QuerySingleAsync<long>(
            "INSERT INTO contacts (display_name, created_at) VALUES (@name, @now) RETURNING id",
            new { name = string.IsNullOrWhiteSpace(item.SenderDisplayName) ? item.SenderAddress : item.SenderDisplayName, now },
            transaction);
        var linked = await connection.ExecuteAsync(
            "INSERT INTO channel_identities (contact_id, namespace, address, created_at) VALUES (@newContactId, @ns, @address, @now) ON CONFLICT DO NOTHING",
            new { newContactId, identity.ns, identity.address, now },
            transaction);
        if (linked == 1)
        {
            return (newContactId, true);
        }
        // Lost the race: the other writer's identity is committed now; drop our contact and join theirs.
        await connection.ExecuteAsync("DELETE FROM contacts WHERE id = @newContactId", new { newContactId }, transaction);
        return (await connection.QuerySingleAsync<long>(findIdentity, identity, transaction), false);
    }

    /// <returns>The routing decision when this append opened the conversation, otherwise null.</returns>
    private static async Task<(long Id, string Queue, QueueSelection? Selection)> FindOrOpenConversationAsync(
        DbConnection connection, DbTransaction transaction, long contactId, InboundInteraction item, IQueueSelector selector, long now)
    {
        var channel = item.Channel.ToWire();
        var threadKey = await ThreadKeyAsync(connection, transaction, contactId, channel, item);
        const string findOpen = "SELECT id, queue, state FROM conversations WHERE contact_id = @contactId AND channel = @channel AND thread_key = @threadKey AND state <> 'resolved'";
        var open = await connection.QuerySingleOrDefaultAsync<(long Id, string Queue, string State)?>(findOpen, new { contactId, channel, threadKey }, transaction);
        if (open is { } found)
        {
            // The customer spoke: a conversation waiting on them is theirs to answer again.
            await connection.ExecuteAsync(
                "UPDATE conversations SET last_activity_at = @now, state = 'open' WHERE id = @id",
                new { now, id = found.Id },
                transaction);
            return (found.Id, found.Queue, null);
        }

        // Rules see the attributes stored before this message; a brand-new contact has none yet.
        var attributesJson = await connection.QuerySingleAsync<string>("SELECT attributes_json FROM contacts WHERE id = @contactId", new { contactId }, transaction);
        var selection = selector.SelectQueue(item, ContactAttributeJson.Read(attributesJson));
        var insertedId = await connection.QuerySingleOrDefaultAsync<long?>(
            """
            INSERT INTO conversations (contact_id, channel, state, queue, created_at, last_activity_at, priority, required_skills_json, rule, thread_key, customer_address)
            VALUES (@contactId, @channel, 'open', @queue, @now, @now, @priority, @skills, @rule, @threadKey, @customerAddress)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            new
            {
                contactId,
                channel,
                customerAddress = item.SenderAddress,
                queue = selection.Queue,
                now,
                priority = selection.Priority,
                skills = selection.RequiredSkills.Count == 0 ? null : JsonSerializer.Serialize(selection.RequiredSkills, StoreJson.Options),
                rule = selection.Rule,
                threadKey,
            },
            transaction);
        if (insertedId is not null)
        {
            return (insertedId.Value, selection.Queue, selection);
        }
        var winner = await connection.QuerySingleAsync<(long Id, string Queue, string State)>(findOpen, new { contactId, channel, threadKey }, transaction);
        return (winner.Id, winner.Queue, null);
    }

    /// <summary>
    /// The thread a message belongs to: the thread of the newest of this customer's messages it answers, else the
    /// thread of a conversation it names by token, else the thread it starts. A reply to a resolved thread then opens
    /// a new conversation in that same thread, whichever way it found the thread.
    /// </summary>
    private static async Task<string> ThreadKeyAsync(DbConnection connection, DbTransaction transaction, long contactId, string channel, InboundInteraction item)
    {
        if (item.RepliesTo.Count > 0)
        {
            // Explicit parameters: Dapper hands Npgsql a list as one array parameter, which "IN" cannot take.
            var references = item.RepliesTo.Take(50).ToArray();
            var parameters = new DynamicParameters(new { channel, contactId });
            for (var i = 0; i < references.Length; i++)
            {
                parameters.Add($"r{i}", references[i]);
            }
            var answered = await connection.QuerySingleOrDefaultAsync<string?>(
                $"""
                SELECT c.thread_key FROM interactions i JOIN conversations c ON c.id = i.conversation_id
                WHERE i.channel = @channel AND i.contact_id = @contactId
                  AND i.external_id IN ({string.Join(", ", references.Select((_, i) => $"@r{i}"))})
                ORDER BY i.id DESC LIMIT 1
                """,
                parameters,
                transaction);
            if (answered is not null)
            {
                return answered;
            }
        }
        foreach (var conversationId in item.TokenConversations.Take(5))
        {
            // Only this sender's own conversations on this channel: a token copied into someone else's mail (or a
            // forged sender with a leaked token) must not put text into another customer's conversation.
            var named = await connection.QuerySingleOrDefaultAsync<string?>(
                "SELECT thread_key FROM conversations WHERE id = @conversationId AND contact_id = @contactId AND channel = @channel",
                new { conversationId, contactId, channel },
                transaction);
            if (named is not null)
            {
                return named;
            }
        }
        return item.ThreadKey ?? "";
    }
}

internal sealed class DuplicateAppendException : Exception
{
    public DuplicateAppendException()
        : base("The interaction was appended concurrently by another writer.")
    {
    }
}
