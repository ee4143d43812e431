using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.Support;

/// <summary>An outbound reply as the outbox leaves it once the provider accepted it: stored, with the provider's id.</summary>
internal static class OutboundSeed
{
    public static async Task<long> AcceptedAsync(IServiceProvider services, ChannelKind channel, string providerId, string status)
    {
        var outbox = services.GetRequiredService<Outbox>();
        long conversationId;
        await using (var connection = await services.GetRequiredService<StoreConnections>().OpenAsync())
        {
            var contactId = await connection.QuerySingleAsync<long>("INSERT INTO contacts (display_name, created_at) VALUES ('Test customer', 0) RETURNING id");
            conversationId = await connection.QuerySingleAsync<long>(
                "INSERT INTO conversations (contact_id, channel, state, queue, created_at, last_activity_at) VALUES (@contactId, @channel, 'open', 'support', 0, 0) RETURNING id",
                new { contactId, channel = channel.ToWire() });
        }
        var reply = await outbox.QueueReplyAsync(conversationId, channel, "Your order shipped.", [], authorAgentId: null, CancellationToken.None);
        await outbox.RecordAcceptedAsync(reply.Id, providerId, status, CancellationToken.None);
        return reply.Id;
    }
}
